using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// One signing certificate with the facts applicants are asked for (the fingerprints keytool and apksigner print,
/// without colons), so they no longer have to find them with command-line tools.
/// </summary>
/// <param name="Subject">The X.500 distinguished name as .NET prints it, e.g. "CN=Demo, O=Example, S=Beijing, C=CN".</param>
/// <param name="Md5">32 upper-case hex digits of MD5 over the certificate's DER encoding.</param>
/// <param name="Sha1">40 upper-case hex digits of SHA-1 over the DER encoding.</param>
/// <param name="Sha256">64 upper-case hex digits of SHA-256 over the DER encoding.</param>
/// <param name="PublicKeyAlgorithm">"RSA", "EC", "DSA" (any other key: its OID).</param>
/// <param name="PublicKey">
/// RSA: the modulus in upper-case hex without a leading zero byte; otherwise the subjectPublicKey bit string in upper-case hex.
/// </param>
public sealed record SigningCertificate(
    string Subject,
    string Md5,
    string Sha1,
    string Sha256,
    string PublicKeyAlgorithm,
    string PublicKey,
    DateTime NotBeforeUtc,
    DateTime NotAfterUtc)
{
    private const string RsaOid = "1.2.840.113549.1.1.1";

    /// <summary>The facts of a parsed certificate.</summary>
    internal static SigningCertificate From(X509Certificate2 certificate)
    {
        var der = certificate.RawData;
        return new SigningCertificate(
            certificate.Subject,
            Convert.ToHexString(MD5.HashData(der)),
            Convert.ToHexString(SHA1.HashData(der)),
            Convert.ToHexString(SHA256.HashData(der)),
            AlgorithmName(certificate.PublicKey.Oid.Value),
            PublicKeyHex(certificate.PublicKey),
            certificate.NotBefore.ToUniversalTime(),
            certificate.NotAfter.ToUniversalTime());
    }

    /// <summary>The facts of a DER-encoded certificate; throws <see cref="CryptographicException"/> if it is none.</summary>
    internal static SigningCertificate From(ReadOnlySpan<byte> der)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        return From(certificate);
    }

    private static string AlgorithmName(string? oid) => oid switch
    {
        RsaOid => "RSA",
        "1.2.840.10045.2.1" => "EC",
        "1.2.840.10040.4.1" => "DSA",
        _ => oid ?? "",
    };

    private static string PublicKeyHex(PublicKey key)
    {
        var bits = key.EncodedKeyValue.RawData;
        return key.Oid.Value == RsaOid ? Convert.ToHexString(RsaModulus(bits)) : Convert.ToHexString(bits);
    }

    /// <summary>The modulus of a PKCS#1 RSAPublicKey (SEQUENCE { modulus INTEGER, publicExponent INTEGER }).</summary>
    private static ReadOnlySpan<byte> RsaModulus(byte[] rsaPublicKey)
    {
        var reader = new AsnReader(rsaPublicKey, AsnEncodingRules.DER).ReadSequence();
        var modulus = reader.ReadIntegerBytes().Span;
        return modulus.Length > 1 && modulus[0] == 0 ? modulus[1..] : modulus;
    }
}
