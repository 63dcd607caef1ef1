using System.Security.Cryptography.X509Certificates;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// Verifies the value of a v2 or v3 pair of the APK Signing Block: a sequence of signers, each
/// <c>signed data, [v3: minSdk, maxSdk], signatures (algorithm id, bytes), public key (SubjectPublicKeyInfo)</c>,
/// the signed data being <c>digests (algorithm id, bytes), certificates, [v3: minSdk, maxSdk], additional attributes</c>.
/// A signer passes when it has at least one signature of a known algorithm, every such signature verifies with its
/// public key, the content digest it signed matches the file, and its first certificate carries that public key.
/// </summary>
internal static class ApkSchemeBlockVerifier
{
    private const int MaxSigners = 10;
    private const int MaxRecords = 16;

    /// <summary>
    /// The certificates of every signer in signer order, each signer's own certificate first; throws
    /// <see cref="PackageMessages.SignatureInvalid"/> unless every signer passes.
    /// </summary>
    public static IReadOnlyList<SigningCertificate> Verify(byte[] block, bool isV3, ApkContentDigests contentDigests)
    {
        var signers = new LengthPrefixedReader(block).ReadSequence(MaxSigners, signer => VerifySigner(signer, isV3, contentDigests));
        if (signers.Count == 0) throw Invalid();
        return signers.SelectMany(certificates => certificates).ToList();
    }

    private static List<SigningCertificate> VerifySigner(LengthPrefixedReader signer, bool isV3, ApkContentDigests contentDigests)
    {
        var signedData = signer.ReadBytes();
        var sdkRange = isV3 ? (signer.ReadUInt32(), signer.ReadUInt32()) : default;
        var signatures = signer.ReadSequence(MaxRecords, ReadRecord)
            .Select(record => (Algorithm: ApkSignatureAlgorithm.Find(record.AlgorithmId), record.Bytes))
            .Where(signature => signature.Algorithm is not null)
            .ToList();
        var publicKey = signer.ReadBytes();
        if (signatures.Count == 0) throw Invalid();

        var data = SignedData.Read(new LengthPrefixedReader(signedData), isV3);
        foreach (var (algorithm, signature) in signatures)
        {
            if (!algorithm!.Verify(publicKey.Span, signedData.Span, signature.Span)) throw Invalid();
            if (!data.Digests.TryGetValue(algorithm.Id, out var digest)
                || !digest.Span.SequenceEqual(contentDigests.Get(algorithm.Hash))) throw Invalid();
        }
        if (isV3 && data.SdkRange != sdkRange) throw Invalid();
        return Certificates(data.Certificates, publicKey);
    }

    /// <summary>The signer's certificates, after checking that the first one carries the signer's public key.</summary>
    private static List<SigningCertificate> Certificates(List<ReadOnlyMemory<byte>> certificates, ReadOnlyMemory<byte> publicKey)
    {
        if (certificates.Count == 0) throw Invalid();
        using var first = X509CertificateLoader.LoadCertificate(certificates[0].Span);
        if (!HasPublicKey(first, publicKey)) throw Invalid();
        return [SigningCertificate.From(first), .. certificates.Skip(1).Select(der => SigningCertificate.From(der.Span))];
    }

    private static bool HasPublicKey(X509Certificate2 certificate, ReadOnlyMemory<byte> subjectPublicKeyInfo)
    {
        var key = PublicKey.CreateFromSubjectPublicKeyInfo(subjectPublicKeyInfo.Span, out var read);
        return read == subjectPublicKeyInfo.Length
            && key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(certificate.PublicKey.ExportSubjectPublicKeyInfo());
    }

    private static (uint AlgorithmId, ReadOnlyMemory<byte> Bytes) ReadRecord(LengthPrefixedReader record) =>
        (record.ReadUInt32(), record.ReadBytes());

    private static PackageFormatException Invalid() => new(PackageMessages.SignatureInvalid);

    /// <summary>The signed data of a signer; its additional attributes are not needed.</summary>
    private sealed record SignedData(
        Dictionary<uint, ReadOnlyMemory<byte>> Digests,
        List<ReadOnlyMemory<byte>> Certificates,
        (uint, uint) SdkRange)
    {
        public static SignedData Read(LengthPrefixedReader reader, bool isV3)
        {
            var digests = new Dictionary<uint, ReadOnlyMemory<byte>>();
            foreach (var (id, bytes) in reader.ReadSequence(MaxRecords, ReadRecord)) digests.TryAdd(id, bytes);
            var certificates = reader.ReadSequence(MaxRecords, certificate => certificate.Remaining);
            var sdkRange = isV3 ? (reader.ReadUInt32(), reader.ReadUInt32()) : default;
            return new SignedData(digests, certificates, sdkRange);
        }
    }
}
