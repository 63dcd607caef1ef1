using System.Globalization;
using Beian.Core.Subjects;

namespace Beian.Core.Websites;

/// <summary>What a typed 网站名称 looks like (seed 000 第二步 1).</summary>
public static class SiteNames
{
    public const int MinimumLength = 2;
    public const int MaximumLength = 50;

    /// <summary>Characters as a reader counts them (a surrogate pair is one).</summary>
    public static int Length(string? name) =>
        string.IsNullOrWhiteSpace(name) ? 0 : new StringInfo(name.Trim()).LengthInTextElements;

    /// <summary>"baidu.com", "www.example.cn", "http://…": a domain typed as the name.</summary>
    public static bool IsDomainLike(string? name) => OrganisationNames.IsDomainLike(name, SubjectKeywords.Default);

    /// <summary>The name, read as a domain, is one of <paramref name="domains"/> (www. or not): whatever its top-level domain.</summary>
    public static bool IsOneOf(string? name, IEnumerable<string?> domains) =>
        DomainName.TryParse(name, out var typed)
        && domains.Any(text => DomainName.TryParse(text, out var domain) && domain.IsSameSiteAs(typed));

    /// <summary>测试, test, 无, 暂无, 1111, aaaa, or nothing but digits and symbols.</summary>
    public static bool IsFake(string? name, WebsiteKeywords keywords)
    {
        if (string.IsNullOrWhiteSpace(name)) return false;
        var text = name.Trim();
        if (keywords.PlaceholderNames.Any(placeholder => text.Equals(placeholder, StringComparison.OrdinalIgnoreCase))) return true;
        if (keywords.FakeNameWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase))) return true;
        var meaningful = text.Where(char.IsLetterOrDigit).ToList();
        return meaningful.Count == 0
            || meaningful.All(char.IsAsciiDigit)
            || (meaningful.Count > 2 && meaningful.All(c => char.ToLowerInvariant(c) == char.ToLowerInvariant(meaningful[0])));
    }

    /// <summary>The first word in <paramref name="words"/> that the name contains (case-insensitive), or null.</summary>
    public static string? FindWord(string? name, IEnumerable<string> words) =>
        string.IsNullOrWhiteSpace(name) ? null : words.FirstOrDefault(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first prefix the trimmed name starts with, or null.</summary>
    public static string? FindPrefix(string? name, IEnumerable<string> prefixes) =>
        string.IsNullOrWhiteSpace(name) ? null : prefixes.FirstOrDefault(prefix => name.Trim().StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>
    /// The 前置许可 the name's field words call for, each with the word found. Longer words are
    /// matched first and consumed, so 医疗器械 asks for 药品和医疗器械 only, not also 医疗保健;
    /// exclusions (农药, 弹药 …) are removed first.
    /// </summary>
    public static IReadOnlyList<(PrePermit Permit, string Word)> PermitsCalledFor(string? name, WebsiteKeywords keywords)
    {
        if (string.IsNullOrWhiteSpace(name)) return [];
        var text = keywords.PermitWordExclusions.Aggregate(name, (current, word) => current.Replace(word, "\0"));
        var found = new List<(PrePermit Permit, string Word)>();
        var candidates = keywords.PermitWords
            .SelectMany(list => list.Words.Select(word => (list.Permit, Word: word)))
            .OrderByDescending(candidate => candidate.Word.Length);
        foreach (var (permit, word) in candidates)
        {
            if (!text.Contains(word, StringComparison.OrdinalIgnoreCase)) continue;
            text = text.Replace(word, "\0", StringComparison.OrdinalIgnoreCase);
            if (found.All(item => item.Permit != permit)) found.Add((permit, word));
        }
        return found.OrderBy(item => item.Permit).ToList();
    }

    /// <summary>A domain with a label containing "bbs" is a forum (seed 000).</summary>
    public static bool IsForumDomain(DomainName domain, WebsiteKeywords keywords) =>
        domain.Labels.Any(label => keywords.ForumDomainMarkers.Any(marker => label.Contains(marker, StringComparison.Ordinal)));
}
