using System.Text;

namespace Beian.Core.Subjects;

/// <summary>What a typed person's name looks like (负责人姓名, 法定代表人姓名).</summary>
public static class PersonNames
{
    public const char MiddleDot = '·';
    private static readonly char[] DotVariants = ['•', '・', '‧', '∙', '.', '．'];

    /// <summary>Trimmed, NFKC, the dot variants used in minority and foreign names made "·".</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return string.Empty;
        var text = name.Trim();
        return ContainsChinese(text) ? ReplaceDots(text) : text.Normalize(NormalizationForm.FormKC);
    }

    /// <summary>王先生, 李小姐, 某某, 个人, 测试, 无 … (seed 000 填写注意事项).</summary>
    public static bool IsFake(string? name, SubjectKeywords keywords)
    {
        var text = Normalize(name);
        if (text.Length == 0) return false;
        if (keywords.PlaceholderNames.Any(placeholder => text.Equals(placeholder, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        return keywords.FakeNameWords.Any(text.Contains) || IsSurnameWithHonorific(text, keywords);
    }

    /// <summary>An organisation typed where a person's name belongs: 某某科技有限公司, 张三工作室.</summary>
    public static bool LooksLikeOrganisation(string? name, SubjectKeywords keywords)
    {
        var text = Normalize(name);
        return keywords.OrganisationWords.Any(text.Contains) || keywords.EnterpriseSuffixes.Any(text.EndsWith);
    }

    /// <summary>
    /// The name on a 居民身份证: 2–15 Chinese characters, "·" allowed between parts (minority
    /// names such as 阿依古丽·买买提), no digits, Latin letters or other symbols.
    /// </summary>
    public static bool IsChineseFullName(string? name)
    {
        var text = Normalize(name);
        if (text.Length == 0 || text[0] == MiddleDot || text[^1] == MiddleDot || text.Contains("··")) return false;
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == MiddleDot) continue;
            if (!IsChineseCharacter(rune)) return false;
            count++;
        }
        return count is >= 2 and <= 15;
    }

    /// <summary>
    /// Any other holder (passport …): letters of any script, spaces, "·", ".", "'", "-";
    /// at least two letters and no digits.
    /// </summary>
    public static bool IsLetterName(string? name)
    {
        const string separators = " ·.'-";
        var runes = Normalize(name).EnumerateRunes().ToList();
        return runes.Count(Rune.IsLetter) >= 2
            && runes.All(rune => Rune.IsLetter(rune) || (rune.IsBmp && separators.Contains((char)rune.Value)));
    }

    public static bool ContainsDigit(string? name) => Normalize(name).Any(char.IsDigit);

    public static bool ContainsChinese(string? text) =>
        !string.IsNullOrEmpty(text) && text.EnumerateRunes().Any(IsChineseCharacter);

    /// <summary>CJK unified ideographs (basic, extension A, compatibility, extensions B–G) and 〇.</summary>
    public static bool IsChineseCharacter(Rune rune) => rune.Value switch
    {
        0x3007 => true,
        >= 0x3400 and <= 0x4DBF => true,
        >= 0x4E00 and <= 0x9FFF => true,
        >= 0xF900 and <= 0xFAFF => true,
        >= 0x20000 and <= 0x3134F => true,
        _ => false,
    };

    /// <summary>A surname (or any one or two characters) followed by 先生, 总, 老师 …: 王总, 欧阳先生.</summary>
    private static bool IsSurnameWithHonorific(string text, SubjectKeywords keywords) =>
        keywords.HonorificSuffixes.Any(suffix =>
            text.Length > suffix.Length
            && text.EndsWith(suffix, StringComparison.Ordinal)
            && text.Length - suffix.Length <= 2);

    private static string ReplaceDots(string text)
    {
        foreach (var dot in DotVariants)
        {
            text = text.Replace(dot, MiddleDot);
        }
        return text;
    }
}
