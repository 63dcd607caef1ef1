using System.IO.Compression;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// The verified signatures of an APK: v3 and v2 from the APK Signing Block, v1 from META-INF. Every signature
/// present must verify; an APK without any is unsigned.
/// </summary>
internal sealed record ApkSignatures(IReadOnlyList<ApkSignatureScheme> Schemes, IReadOnlyList<SigningCertificate> Certificates)
{
    /// <summary>
    /// Verifies every signature of the APK; throws <see cref="PackageMessages.Unsigned"/> when there is none and
    /// <see cref="PackageMessages.SignatureInvalid"/> when one does not verify.
    /// </summary>
    public static ApkSignatures Verify(Stream stream, ZipSections sections, ZipArchive zip, byte[] androidManifest)
    {
        var verified = new List<(ApkSignatureScheme Scheme, IReadOnlyList<SigningCertificate> Certificates)>();
        var block = Guard(() => ApkSigningBlock.Find(stream, sections));
        if (block is not null)
        {
            var digests = new ApkContentDigests(stream, sections, block.Offset);
            if (block.V3 is { } v3) verified.Add((ApkSignatureScheme.V3, Guard(() => ApkSchemeBlockVerifier.Verify(v3, isV3: true, digests))));
            if (block.V2 is { } v2) verified.Add((ApkSignatureScheme.V2, Guard(() => ApkSchemeBlockVerifier.Verify(v2, isV3: false, digests))));
        }
        if (Guard(() => JarSignatureVerifier.Verify(zip, androidManifest)) is { } v1) verified.Add((ApkSignatureScheme.V1, v1));
        if (verified.Count == 0) throw new PackageFormatException(PackageMessages.Unsigned);

        // The newest scheme was added first, so its signer's certificate leads.
        return new ApkSignatures(
            verified.Select(s => s.Scheme).Order().ToList(),
            verified.SelectMany(s => s.Certificates).DistinctBy(c => c.Sha256).ToList());
    }

    private static T Guard<T>(Func<T> verify) => PackageFormatException.Guard(PackageMessages.SignatureInvalid, verify);
}
