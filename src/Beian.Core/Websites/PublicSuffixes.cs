using System.Globalization;
using Beian.Core.ReferenceData;

namespace Beian.Core.Websites;

/// <summary>
/// The multi-label public suffixes of the embedded ReferenceData/public-suffixes.txt (com.cn,
/// zj.cn, com.hk, co.uk …), in punycode. Anything else is a one-label suffix (com, cn, 中国).
/// </summary>
public sealed class PublicSuffixes
{
    public const string FileName = "public-suffixes.txt";

    private static readonly Lazy<PublicSuffixes> LazyDefault = new(Load);

    private readonly HashSet<string> _suffixes;

    public PublicSuffixes(IEnumerable<string> suffixes)
    {
        var idn = new IdnMapping();
        _suffixes = suffixes.Select(suffix => idn.GetAscii(suffix.Trim().ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
    }

    public static PublicSuffixes Default => LazyDefault.Value;

    public IReadOnlyCollection<string> All => _suffixes;

    public bool Contains(string asciiDomain) => _suffixes.Contains(asciiDomain);

    /// <summary>How many trailing labels of <paramref name="labels"/> form its public suffix (at least 1).</summary>
    public int SuffixLabelCount(IReadOnlyList<string> labels)
    {
        for (var count = labels.Count; count > 1; count--)
        {
            if (_suffixes.Contains(string.Join('.', labels.Skip(labels.Count - count)))) return count;
        }
        return 1;
    }

    private static PublicSuffixes Load()
    {
        using var reader = new StreamReader(EmbeddedReferenceData.Open(FileName));
        var lines = reader.ReadToEnd().Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'));
        return new PublicSuffixes(lines);
    }
}
