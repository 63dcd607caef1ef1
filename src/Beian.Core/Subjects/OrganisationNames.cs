using System.Text.RegularExpressions;

namespace Beian.Core.Subjects;

/// <summary>What a typed 主办单位名称 looks like.</summary>
public static partial class OrganisationNames
{
    [GeneratedRegex(@"^[A-Za-z0-9\s.,&()\-_'/]+$")]
    private static partial Regex LatinOrDigitsOnly();

    [GeneratedRegex(@"(?i)www\.|https?://")]
    private static partial Regex WebPrefix();

    /// <summary>"baidu.com", "www.example.cn", "http://…": a domain typed instead of a name.</summary>
    public static bool IsDomainLike(string? name, SubjectKeywords keywords)
    {
        if (string.IsNullOrWhiteSpace(name)) return false;
        var text = name.Trim();
        if (WebPrefix().IsMatch(text)) return true;
        var suffixes = string.Join('|', keywords.DomainSuffixes.Select(Regex.Escape));
        const string label = @"[\p{L}\p{N}\-]+";
        return Regex.IsMatch(text, $@"(?i){label}\.(?:{suffixes})(?![a-z0-9\-])");
    }

    /// <summary>Only digits, Latin letters and punctuation: no Chinese legal name.</summary>
    public static bool IsLatinOrDigitsOnly(string? name) =>
        !string.IsNullOrWhiteSpace(name) && LatinOrDigitsOnly().IsMatch(name.Trim());

    public static bool ContainsPersonalWord(string? name, SubjectKeywords keywords) =>
        !string.IsNullOrWhiteSpace(name) && keywords.PersonalWordsInOrganisationName.Any(name.Contains);

    /// <summary>Ends in 有限公司, 公司, 集团, 厂, 店 …: an enterprise's name.</summary>
    public static bool LooksLikeEnterprise(string? name, SubjectKeywords keywords)
    {
        if (string.IsNullOrWhiteSpace(name)) return false;
        var text = TrimClosingBrackets(name.Trim());
        return keywords.EnterpriseSuffixes.Any(suffix => text.EndsWith(suffix, StringComparison.Ordinal));
    }

    /// <summary>
    /// 2–4 Chinese characters, starting with a common surname, with no organisation word or
    /// character: 张三, 欧阳娜娜. Only a warning: a few real names are this short.
    /// </summary>
    public static bool LooksLikePersonName(string? name, SubjectKeywords keywords)
    {
        var text = PersonNames.Normalize(name);
        if (!PersonNames.IsChineseFullName(text) || text.Contains(PersonNames.MiddleDot) || text.Length > 4) return false;
        if (!keywords.CommonSurnames.Any(surname => text.StartsWith(surname, StringComparison.Ordinal) && text.Length > surname.Length))
        {
            return false;
        }
        return !keywords.OrganisationWords.Any(text.Contains) && !keywords.OrganisationCharacters.Any(text.Contains);
    }

    /// <summary>Chinese characters, or letters for a foreign name; symbols and spaces not counted.</summary>
    public static int MeaningfulLength(string? name) =>
        string.IsNullOrWhiteSpace(name) ? 0 : name.Count(char.IsLetterOrDigit);

    /// <summary>"某某有限公司（筹）" → "某某有限公司": a short bracketed remark is ignored at the end.</summary>
    private static string TrimClosingBrackets(string text)
    {
        var bracket = text.LastIndexOfAny(['(', '（']);
        return bracket > 0 && (text.EndsWith(')') || text.EndsWith('）')) && text.Length - bracket <= 6
            ? text[..bracket]
            : text;
    }
}
