using System.Text;

namespace Beian.Core.Numbering;

/// <summary>Splits typed text into an optional province abbreviation and the 12 or 14 digits.</summary>
internal static class NumberParser
{
    /// <summary>Null when the text has the shape of a 公安备案号, otherwise the error message.</summary>
    public static string? Read(string? input, out string? prefix, out string digits)
    {
        prefix = null;
        digits = string.Empty;
        var text = Clean(input);
        if (text.Length == 0) return "请输入公安备案号";
        if (text.Contains("ICP", StringComparison.OrdinalIgnoreCase)) return "这是ICP备案号，请输入公安备案号";

        if (text.EndsWith('号') || text.EndsWith('號')) text = text[..^1];

        string body;
        var mark = text.IndexOf(PublicSecurityNumber.Mark, StringComparison.Ordinal);
        if (mark >= 0)
        {
            prefix = text[..mark];
            body = text[(mark + PublicSecurityNumber.Mark.Length)..];
        }
        else
        {
            var start = 0;
            while (start < text.Length && !char.IsAsciiLetterOrDigit(text[start])) start++;
            prefix = text[..start];
            body = text[start..];
        }

        if (prefix.Length == 0) prefix = null;
        else if (ProvincePrefixes.ProvinceDigits(prefix) is null) return "备案号的省份简称不正确";

        if (!body.All(char.IsAsciiDigit)) return "备案号只能包含数字";
        if (body.Length is not (14 or 12)) return "备案号应为14位数字（旧备案号为12位）";
        digits = body;
        return null;
    }

    /// <summary>Full-width characters to half-width (NFKC) and all white space removed.</summary>
    private static string Clean(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return string.Empty;
        var halfWidth = input.Normalize(NormalizationForm.FormKC);
        return new string(halfWidth.Where(c => !char.IsWhiteSpace(c)).ToArray());
    }
}
