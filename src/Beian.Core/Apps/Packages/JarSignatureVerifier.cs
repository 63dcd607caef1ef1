using System.IO.Compression;
using System.Security.Cryptography.Pkcs;
using System.Text;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// Verifies the v1 (JAR) signature of an APK: each META-INF/X.RSA, X.DSA or X.EC is a PKCS#7 SignedData over
/// META-INF/X.SF whose signature must verify (signature only: APK certificates are self-signed), X.SF's
/// *-Digest-Manifest must be the digest of META-INF/MANIFEST.MF, and MANIFEST.MF's digest of AndroidManifest.xml
/// must match the manifest the package facts are read from. The digests of the other entries are not checked
/// (v2/v3, when present, cover the whole file).
/// </summary>
internal static class JarSignatureVerifier
{
    private const string MetaInf = "META-INF/";
    private const string JarManifestName = MetaInf + "MANIFEST.MF";
    private const int MaxSigners = 10;
    private const int MaxTextBytes = 16 * 1024 * 1024;
    private const int MaxSignatureBlockBytes = 1024 * 1024;
    private static readonly string[] SignatureBlockExtensions = [".RSA", ".DSA", ".EC"];

    /// <summary>
    /// The certificates of every v1 signer, each signer's own certificate first; null when the APK has no v1
    /// signature; throws <see cref="PackageMessages.SignatureInvalid"/> when it has one that does not verify.
    /// </summary>
    public static IReadOnlyList<SigningCertificate>? Verify(ZipArchive zip, byte[] androidManifest)
    {
        var blocks = zip.Entries.Where(IsSignatureBlock).Take(MaxSigners + 1).ToList();
        if (blocks.Count == 0) return null;
        if (blocks.Count > MaxSigners) throw Invalid();
        var jarManifest = ReadText(zip, JarManifestName);
        var section = JarManifest.EntrySection(Encoding.UTF8.GetString(jarManifest), AndroidPackageReader.ManifestEntryName);
        if (section is null || !JarManifest.DigestMatches(section, "-Digest", androidManifest)) throw Invalid();
        return blocks.SelectMany(block => VerifySigner(zip, block, jarManifest)).ToList();
    }

    private static List<SigningCertificate> VerifySigner(ZipArchive zip, ZipArchiveEntry block, byte[] jarManifest)
    {
        var signatureFile = ReadText(zip, block.FullName[..block.FullName.LastIndexOf('.')] + ".SF");
        var cms = new SignedCms(new ContentInfo(signatureFile), detached: true);
        cms.Decode(PackageStreams.ReadEntry(block, MaxSignatureBlockBytes, PackageMessages.SignatureInvalid));
        cms.CheckSignature(verifySignatureOnly: true);
        var attributes = JarManifest.MainAttributes(Encoding.UTF8.GetString(signatureFile));
        if (!JarManifest.DigestMatches(attributes, "-Digest-Manifest", jarManifest)) throw Invalid();
        return SignerCertificates(cms);
    }

    /// <summary>The signers' certificates, then the other certificates the block carries.</summary>
    private static List<SigningCertificate> SignerCertificates(SignedCms cms)
    {
        if (cms.SignerInfos.Count == 0) throw Invalid();
        var signers = cms.SignerInfos.Cast<SignerInfo>().Select(signer => signer.Certificate ?? throw Invalid());
        return signers.Concat(cms.Certificates).Select(SigningCertificate.From).DistinctBy(c => c.Sha256).ToList();
    }

    private static bool IsSignatureBlock(ZipArchiveEntry entry)
    {
        var name = entry.FullName;
        return name.StartsWith(MetaInf, StringComparison.Ordinal)
            && name.IndexOf('/', MetaInf.Length) < 0
            && SignatureBlockExtensions.Any(extension =>
                name.Length > MetaInf.Length + extension.Length && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
    }

    private static byte[] ReadText(ZipArchive zip, string name)
    {
        var entry = PackageStreams.SingleEntry(zip, name, PackageMessages.SignatureInvalid) ?? throw Invalid();
        return PackageStreams.ReadEntry(entry, MaxTextBytes, PackageMessages.SignatureInvalid);
    }

    private static PackageFormatException Invalid() => new(PackageMessages.SignatureInvalid);
}
