using System.Security.Cryptography;
using Beian.Core.Apps.Packages;

namespace Beian.Core.Tests.Apps.Packages;

public class ApkSignatureAlgorithmTests
{
    private static readonly byte[] Data = "signed data of an APK signer"u8.ToArray();

    public static TheoryData<uint> KnownIds => [0x0101, 0x0102, 0x0103, 0x0104, 0x0201, 0x0202, 0x0301];

    [Theory]
    [MemberData(nameof(KnownIds))]
    public void Verifies_a_signature_made_with_the_algorithm(uint id)
    {
        var algorithm = ApkSignatureAlgorithm.Find(id)!;
        var (publicKey, signature) = Sign(algorithm.Kind, algorithm.Hash, Data);

        Assert.True(algorithm.Verify(publicKey, Data, signature));
        Assert.False(algorithm.Verify(publicKey, [.. Data, 0], signature));
        signature[^1] ^= 1;
        Assert.False(algorithm.Verify(publicKey, Data, signature));
    }

    [Theory]
    [InlineData(0x0101u, "SHA256")]
    [InlineData(0x0102u, "SHA512")]
    [InlineData(0x0103u, "SHA256")]
    [InlineData(0x0104u, "SHA512")]
    [InlineData(0x0201u, "SHA256")]
    [InlineData(0x0202u, "SHA512")]
    [InlineData(0x0301u, "SHA256")]
    public void Content_digest_is_chunked_sha256_or_sha512(uint id, string hash)
    {
        Assert.Equal(hash, ApkSignatureAlgorithm.Find(id)!.Hash.Name);
    }

    [Theory]
    [InlineData(0x0421u)]   // verity RSA PKCS#1 v1.5 SHA-256
    [InlineData(0x0423u)]   // verity ECDSA SHA-256
    [InlineData(0x0000u)]
    [InlineData(0xffffffffu)]
    public void Unknown_ids_are_not_verified(uint id)
    {
        Assert.Null(ApkSignatureAlgorithm.Find(id));
    }

    [Fact]
    public void Pss_does_not_accept_a_pkcs1_signature()
    {
        var pkcs1 = ApkSignatureAlgorithm.Find(0x0103)!;
        var (publicKey, signature) = Sign(pkcs1.Kind, pkcs1.Hash, Data);

        Assert.False(ApkSignatureAlgorithm.Find(0x0101)!.Verify(publicKey, Data, signature));
    }

    [Fact]
    public void Key_of_another_kind_does_not_parse()
    {
        var ecdsa = ApkSignatureAlgorithm.Find(0x0201)!;
        var (publicKey, signature) = Sign(ecdsa.Kind, ecdsa.Hash, Data);

        Assert.ThrowsAny<CryptographicException>(() => ApkSignatureAlgorithm.Find(0x0103)!.Verify(publicKey, Data, signature));
    }

    private static (byte[] PublicKey, byte[] Signature) Sign(ApkSignatureAlgorithm.KeyKind kind, HashAlgorithmName hash, byte[] data)
    {
        switch (kind)
        {
            case ApkSignatureAlgorithm.KeyKind.Ecdsa:
                using (var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256))
                    return (ecdsa.ExportSubjectPublicKeyInfo(), ecdsa.SignData(data, hash, DSASignatureFormat.Rfc3279DerSequence));
            case ApkSignatureAlgorithm.KeyKind.Dsa:
                using (var dsa = DSA.Create(2048))
                    return (dsa.ExportSubjectPublicKeyInfo(), dsa.SignData(data, hash, DSASignatureFormat.Rfc3279DerSequence));
            default:
                using (var rsa = RSA.Create(2048))
                {
                    var padding = kind == ApkSignatureAlgorithm.KeyKind.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
                    return (rsa.ExportSubjectPublicKeyInfo(), rsa.SignData(data, hash, padding));
                }
        }
    }
}
