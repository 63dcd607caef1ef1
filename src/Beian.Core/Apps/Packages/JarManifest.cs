using System.Security.Cryptography;
using System.Text;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// The sections of a JAR manifest or signature file (META-INF/MANIFEST.MF, META-INF/*.SF): "Name: value" lines,
/// continued by lines that start with a space, sections separated by empty lines, the main section first and the
/// others starting with "Name:". Read lazily, one section at a time.
/// </summary>
internal static class JarManifest
{
    /// <summary>The digest attribute prefixes JAR signing uses, strongest first.</summary>
    private static readonly (string Prefix, HashAlgorithmName Algorithm)[] Digests =
    [
        ("SHA-512", HashAlgorithmName.SHA512),
        ("SHA-384", HashAlgorithmName.SHA384),
        ("SHA-256", HashAlgorithmName.SHA256),
        ("SHA1", HashAlgorithmName.SHA1),
        ("SHA-1", HashAlgorithmName.SHA1),
    ];

    /// <summary>The attributes of the main section (empty if there are none).</summary>
    public static IReadOnlyDictionary<string, string> MainAttributes(string text) =>
        Sections(text).FirstOrDefault(section => !section.ContainsKey("Name")) ?? [];

    /// <summary>The attributes of the section for the entry <paramref name="name"/>, null if there is none.</summary>
    public static IReadOnlyDictionary<string, string>? EntrySection(string text, string name) =>
        Sections(text).FirstOrDefault(section => section.TryGetValue("Name", out var value) && value == name);

    /// <summary>
    /// Whether the strongest "&lt;algorithm&gt;&lt;<paramref name="suffix"/>&gt;" attribute (e.g. SHA-256-Digest-Manifest)
    /// is the base64 digest of <paramref name="content"/>; false when there is none.
    /// </summary>
    public static bool DigestMatches(IReadOnlyDictionary<string, string> attributes, string suffix, ReadOnlySpan<byte> content)
    {
        foreach (var (prefix, algorithm) in Digests)
        {
            if (attributes.TryGetValue(prefix + suffix, out var expected))
            {
                var actual = Convert.ToBase64String(CryptographicOperations.HashData(algorithm, content));
                return expected.Trim() == actual;
            }
        }
        return false;
    }

    private static IEnumerable<Dictionary<string, string>> Sections(string text)
    {
        var section = NewSection();
        foreach (var line in LogicalLines(text))
        {
            if (line.Length == 0)
            {
                if (section.Count > 0) yield return section;
                section = NewSection();
                continue;
            }
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0) section.TryAdd(line[..colon], line[(colon + 2)..]);
        }
        if (section.Count > 0) yield return section;
    }

    private static Dictionary<string, string> NewSection() => new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The lines with their continuation lines joined on; empty lines stay (they end a section).</summary>
    private static IEnumerable<string> LogicalLines(string text)
    {
        using var reader = new StringReader(text);
        StringBuilder? pending = null;
        for (var line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            if (pending != null && line.StartsWith(' '))
            {
                pending.Append(line, 1, line.Length - 1);
                continue;
            }
            if (pending != null) yield return pending.ToString();
            pending = new StringBuilder(line);
        }
        if (pending != null) yield return pending.ToString();
    }
}
