using System.Text.RegularExpressions;
using Beian.Core.Websites;

namespace Beian.Core.Apps;

/// <summary>
/// 工信部APP备案号: a 备案号 with the A suffix of an APP, <c>浙ICP备2026055717号-3A</c>, or an ICP
/// licence of the same APP, <c>粤B2-20090059-1626A</c> (the -nA part optional for a licence) [guide].
/// Spaces and full-width characters are normalised as for websites.
/// </summary>
public static partial class AppIcpNumber
{
    public const string FormatMessage = "工信部APP备案号格式不正确，应为“浙ICP备2026055717号-3A”（经营性APP可填“粤B2-20090059-1626A”）";

    [GeneratedRegex(@"^[" + IcpNumber.Provinces + @"](ICP备\d{6,10}号-[1-9]\d{0,3}A|B2-\d{8}(-[1-9]\d{0,4}A)?)$")]
    private static partial Regex Shape();

    /// <summary>The number as it is kept (normalised), or null with the problem in <paramref name="error"/>.</summary>
    public static string? Normalize(string? input, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "请填写工信部APP备案号（如：浙ICP备2026055717号-3A）";
            return null;
        }
        var text = IcpNumber.Normalize(input).Replace('a', 'A');
        if (Shape().IsMatch(text)) return text;
        error = FormatMessage;
        return null;
    }
}
