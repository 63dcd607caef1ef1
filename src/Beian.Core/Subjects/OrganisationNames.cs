using System.Text;
using System.Text.RegularExpressions;

namespace Beian.Core.Subjects;

/// <summary>What a typed 主办单位名称 looks like.</summary>
public static partial class OrganisationNames
{
    [GeneratedRegex(@"^[A-Za-z0-9\s.,&()\-_'/]+$")]
    private static partial Regex LatinOrDigitsOnly();

    [GeneratedRegex(@"(?i)www\.|https?://")]
    private static partial Regex WebPrefix();

    /// <summary>
    /// "baidu.com", "www.example.cn", "西湖龙井.中国", "http://…": a domain typed instead of a name. Dots
    /// are read as a domain reads them (。 and ． too). A Latin top-level domain ends where no Latin
    /// letter follows ("京东.com官网"); a Chinese one only where no letter at all follows, so
    /// "西湖龙井.中国茶叶" is no domain.
    /// </summary>
    public static bool IsDomainLike(string? name, SubjectKeywords keywords)
    {
        if (string.IsNullOrWhiteSpace(name)) return false;
        var text = name.Trim().Normalize(NormalizationForm.FormKC).Replace('。', '.');
        if (WebPrefix().IsMatch(text)) return true;
        var latin = Alternatives(keywords.DomainSuffixes.Where(IsAscii));
        var other = Alternatives(keywords.DomainSuffixes.Where(suffix => !IsAscii(suffix)));
        const string label = @"[\p{L}\p{N}\-]+\.";
        return Regex.IsMatch(text, $@"(?i){label}(?:(?:{latin})(?![a-z0-9\-])|(?:{other})(?![\p{{L}}\p{{N}}\-]))");
    }

    private static bool IsAscii(string text) => text.All(char.IsAscii);

    private static string Alternatives(IEnumerable<string> words) =>
        words.Any() ? string.Join('|', words.Select(Regex.Escape)) : "(?!)";

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
