using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Beian.Core.Tests.Apps.Packages;

/// <summary>
/// The packages Samples/make-samples.sh built with aapt, apksigner and python3, and what the real tools
/// (aapt, apksigner, keytool, openssl, plistlib) said about them in Samples/expected.txt.
/// </summary>
internal static class Samples
{
    private static readonly Lazy<Dictionary<string, string[]>> Sections = new(ReadSections);

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Apps", "Packages", "Samples", name);

    public static FileStream Open(string name) => File.OpenRead(PathOf(name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>The content of one entry of a sample package.</summary>
    public static byte[] Entry(string sample, string entryName)
    {
        using var zip = ZipFile.OpenRead(PathOf(sample));
        using var stream = zip.GetEntry(entryName)!.Open();
        using var content = new MemoryStream();
        stream.CopyTo(content);
        return content.ToArray();
    }

    /// <summary>
    /// The first capture of <paramref name="pattern"/> in what <paramref name="command"/> printed in the section
    /// <paramref name="section"/> of expected.txt (e.g. "apk v1-rsa.apk", "key rsa-2048").
    /// </summary>
    public static string Expected(string section, string command, string pattern)
    {
        var output = Output(section, command);
        var match = output.Select(line => Regex.Match(line, pattern)).FirstOrDefault(m => m.Success);
        Assert.True(match is not null, $"expected.txt, {section}, {command}: no line matches {pattern}");
        return match.Groups[1].Value;
    }

    /// <summary>Whether some line <paramref name="command"/> printed in <paramref name="section"/> matches <paramref name="pattern"/>.</summary>
    public static bool Says(string section, string command, string pattern) =>
        Output(section, command).Any(line => Regex.IsMatch(line, pattern));

    /// <summary>An openssl date ("Jan  1 00:00:00 2026 GMT") as UTC.</summary>
    public static DateTime OpensslDate(string text) =>
        DateTime.ParseExact(Regex.Replace(text, " +", " "), "MMM d HH:mm:ss yyyy 'GMT'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>keytool's "01:55:40:…" fingerprint as upper-case hex without colons.</summary>
    public static string Hex(string fingerprint) => fingerprint.Replace(":", "").ToUpperInvariant();

    private static string[] Output(string section, string command)
    {
        Assert.True(Sections.Value.TryGetValue(section, out var lines), $"expected.txt has no section {section}");
        var start = Array.FindIndex(lines, line => line.StartsWith("$ " + command, StringComparison.Ordinal));
        Assert.True(start >= 0, $"expected.txt, {section}: no output of {command}");
        return lines.Skip(start + 1).TakeWhile(line => !line.StartsWith("$ ", StringComparison.Ordinal)).ToArray();
    }

    private static Dictionary<string, string[]> ReadSections()
    {
        var sections = new Dictionary<string, string[]>();
        var lines = File.ReadAllLines(PathOf("expected.txt"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("### ", StringComparison.Ordinal)) continue;
            sections[lines[i][4..]] = lines.Skip(i + 1).TakeWhile(line => !line.StartsWith("### ", StringComparison.Ordinal)).ToArray();
        }
        return sections;
    }
}
