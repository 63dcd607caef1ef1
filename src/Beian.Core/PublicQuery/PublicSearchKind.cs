using System.Text;
using Beian.Core.Numbering;

namespace Beian.Core.PublicQuery;

/// <summary>The three ways of 公共查询 (seed 000 二、1): by 网站名称, 域名 or 公安备案号.</summary>
public enum PublicSearchKind
{
    Name,
    Domain,
    Number,
}

public static class PublicSearchKinds
{
    public static string Label(this PublicSearchKind kind) => kind switch
    {
        PublicSearchKind.Name => "网站名称",
        PublicSearchKind.Domain => "域名",
        PublicSearchKind.Number => "公安备案号",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// 自动识别: a 公安备案号 when the text has its shape (公网安备, or 12/14 digits with an optional
    /// province abbreviation and 号; an ICP number too, so that its parser says what it is); a 域名 when it has a dot or a scheme and no white space inside;
    /// otherwise a 网站名称.
    /// </summary>
    public static PublicSearchKind Detect(string? keyword)
    {
        var text = (keyword ?? string.Empty).Trim().Normalize(NormalizationForm.FormKC);
        if (text.Contains(PublicSecurityNumber.Mark, StringComparison.Ordinal) || text.Contains("ICP", StringComparison.OrdinalIgnoreCase)
            || LooksLikeNumber(text))
            return PublicSearchKind.Number;
        var dotted = text.Contains('.') || text.Contains('。') || text.Contains("://", StringComparison.Ordinal);
        return dotted && !text.Any(char.IsWhiteSpace) ? PublicSearchKind.Domain : PublicSearchKind.Name;
    }

    private static bool LooksLikeNumber(string text)
    {
        var body = text.TrimEnd('号', '號').Where(c => !char.IsWhiteSpace(c)).ToArray();
        var digits = body.SkipWhile(c => !char.IsAsciiDigit(c)).ToArray();
        var prefix = body.Length - digits.Length;
        return digits.Length is 12 or 14 && digits.All(char.IsAsciiDigit) && prefix <= 1;
    }
}
