using System.Security.Cryptography;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// The v2/v3 signature algorithms the platform verifies, by their id in the signature block; each names the hash
/// of its signature and of its content digest (chunked SHA-256 or chunked SHA-512). Other ids (e.g. the verity
/// ones) are unknown: their signatures are skipped.
/// </summary>
internal sealed record ApkSignatureAlgorithm(uint Id, HashAlgorithmName Hash, ApkSignatureAlgorithm.KeyKind Kind)
{
    internal enum KeyKind { RsaPss, RsaPkcs1, Ecdsa, Dsa }

    private static readonly ApkSignatureAlgorithm[] Known =
    [
        new(0x0101, HashAlgorithmName.SHA256, KeyKind.RsaPss),
        new(0x0102, HashAlgorithmName.SHA512, KeyKind.RsaPss),
        new(0x0103, HashAlgorithmName.SHA256, KeyKind.RsaPkcs1),
        new(0x0104, HashAlgorithmName.SHA512, KeyKind.RsaPkcs1),
        new(0x0201, HashAlgorithmName.SHA256, KeyKind.Ecdsa),
        new(0x0202, HashAlgorithmName.SHA512, KeyKind.Ecdsa),
        new(0x0301, HashAlgorithmName.SHA256, KeyKind.Dsa),
    ];

    /// <summary>The algorithm with this id, null for one the platform does not know.</summary>
    public static ApkSignatureAlgorithm? Find(uint id) => Known.FirstOrDefault(a => a.Id == id);

    /// <summary>
    /// Whether <paramref name="signature"/> is this algorithm's signature of <paramref name="data"/> by the key in
    /// <paramref name="subjectPublicKeyInfo"/>. A key that does not parse throws <see cref="CryptographicException"/>.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> subjectPublicKeyInfo, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => Kind switch
    {
        KeyKind.RsaPss => VerifyRsa(subjectPublicKeyInfo, data, signature, RSASignaturePadding.Pss),
        KeyKind.RsaPkcs1 => VerifyRsa(subjectPublicKeyInfo, data, signature, RSASignaturePadding.Pkcs1),
        KeyKind.Ecdsa => VerifyEcdsa(subjectPublicKeyInfo, data, signature),
        _ => VerifyDsa(subjectPublicKeyInfo, data, signature),
    };

    private bool VerifyRsa(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, RSASignaturePadding padding)
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(key, out _);
        return rsa.VerifyData(data, signature, Hash, padding);
    }

    private bool VerifyEcdsa(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(key, out _);
        return ecdsa.VerifyData(data, signature, Hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    private bool VerifyDsa(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var dsa = DSA.Create();
        dsa.ImportSubjectPublicKeyInfo(key, out _);
        return dsa.VerifyData(data, signature, Hash, DSASignatureFormat.Rfc3279DerSequence);
    }
}
