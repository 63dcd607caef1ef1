namespace Beian.Core.Subjects;

/// <summary>
/// Precision of a 详细地址 (seed 000: 城镇到街道门牌号或信箱号, 农村到村): urban addresses need a
/// number followed by 号, 栋, 室, 单元 …; rural ones need a 村, 组, 社 ….
/// </summary>
public static class AddressDetails
{
    public const int MinimumLength = 5;
    private const string ChineseNumerals = "一二三四五六七八九十百千零〇两";

    /// <summary>Long enough and not only digits and symbols.</summary>
    public static bool IsPlausible(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail)) return false;
        var text = detail.Trim();
        return text.Length >= MinimumLength && text.Any(char.IsLetter);
    }

    public static bool IsPrecise(string? detail, SubjectKeywords keywords) =>
        HasNumberedMarker(detail, keywords) || IsRuralToVillage(detail, keywords);

    /// <summary>A digit or Chinese numeral directly before 号, 栋, 室 …: 8号, 3栋, 二单元.</summary>
    public static bool HasNumberedMarker(string? detail, SubjectKeywords keywords)
    {
        if (string.IsNullOrWhiteSpace(detail)) return false;
        var text = detail.Normalize(System.Text.NormalizationForm.FormKC);
        foreach (var marker in keywords.AddressPreciseMarkers)
        {
            for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
            {
                if (at > 0 && IsNumeral(text[at - 1])) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// 某某镇某某村, 十里铺村三组: a 村/组/社 … in an address that names a 乡 or 镇, or ends with it.
    /// Urban names containing 村 (中关村大街) do not count; 社区 is not a 社.
    /// </summary>
    public static bool IsRuralToVillage(string? detail, SubjectKeywords keywords)
    {
        if (string.IsNullOrWhiteSpace(detail)) return false;
        var text = keywords.AddressRuralExclusions.Aggregate(detail.Trim(), (current, word) => current.Replace(word, string.Empty));
        var namesTownship = keywords.AddressRuralContext.Any(text.Contains);
        return keywords.AddressRuralMarkers.Any(marker =>
            text.EndsWith(marker, StringComparison.Ordinal) || (namesTownship && text.Contains(marker)));
    }

    private static bool IsNumeral(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetter(c) || ChineseNumerals.Contains(c);
}
