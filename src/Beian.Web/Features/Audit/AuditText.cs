using System.Text.RegularExpressions;
using Beian.Core.Accounts;

namespace Beian.Web.Features.Audit;

/// <summary>
/// The detail of a record is short and holds no personal data in clear: callers should write none,
/// and whatever still looks like a 居民身份证 number or a mobile number is masked here
/// (110105********1234, 138****0001).
/// </summary>
public static partial class AuditText
{
    public static string Clean(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail)) return string.Empty;
        var text = IdNumber().Replace(detail.Trim(), m => Masking.MaskMiddle(m.Value, 6, 4));
        text = Mobile().Replace(text, m => Masking.MaskMiddle(m.Value));
        return text.Length <= AuditRecord.DetailMaxLength ? text : text[..(AuditRecord.DetailMaxLength - 1)] + "…";
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])|(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")]
    private static partial Regex Mobile();
}
