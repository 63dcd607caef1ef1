using System.Text;
using System.Text.RegularExpressions;

namespace Beian.Core.Websites;

/// <summary>
/// A 工信部 ICP 备案号 ("京ICP备12345678号", one site of it "京ICP备12345678号-1") or an ICP
/// 经营许可证号 ("京ICP证030173号"). Spaces and full-width characters are normalised, "icp" is
/// upper-cased and "京ICP备12345678-1号" is rewritten as "京ICP备12345678号-1".
/// The province is the one-character abbreviation; both the official 黔 (贵州) and 滇 (云南) and
/// their common aliases 贵 and 云 are accepted, as typed.
/// </summary>
public sealed partial record IcpNumber
{
    public const string Provinces = "京津沪渝冀豫云滇辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵黔粤青藏川宁琼";

    [GeneratedRegex(@"^(?<province>[京津沪渝冀豫云滇辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵黔粤青藏川宁琼])ICP(?:备(?<serial>\d{6,10})(?:号-(?<site>[1-9]\d{0,3})|-(?<site>[1-9]\d{0,3})号|号)|证(?<licence>\d{6,10})号)$")]
    private static partial Regex Shape();

    private IcpNumber(string province, string serial, bool isLicence, int? site)
    {
        Province = province;
        Serial = serial;
        IsLicence = isLicence;
        SiteNumber = site;
    }

    /// <summary>京, 沪, 粤 ….</summary>
    public string Province { get; }

    /// <summary>The digits: 12345678.</summary>
    public string Serial { get; }

    /// <summary>An ICP 经营许可证号 (…ICP证…号) rather than a 备案号 (…ICP备…号).</summary>
    public bool IsLicence { get; }

    /// <summary>The -N website suffix of a 备案号, when given.</summary>
    public int? SiteNumber { get; }

    /// <summary>The subject's number without a site suffix: 京ICP备12345678号.</summary>
    public string MainNumber => $"{Province}ICP{(IsLicence ? "证" : "备")}{Serial}号";

    /// <summary>The normalised number: 京ICP备12345678号-1.</summary>
    public string Value => SiteNumber is { } site ? $"{MainNumber}-{site}" : MainNumber;

    public const string FormatMessage = "工信部备案号格式不正确，应为“京ICP备12345678号”或“京ICP备12345678号-1”（经营性网站可填“京ICP证123456号”）";

    public static bool TryParse(string? input, out IcpNumber number, out string error)
    {
        number = null!;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "请填写工信部备案号";
            return false;
        }
        var match = Shape().Match(Normalize(input));
        if (!match.Success)
        {
            error = FormatMessage;
            return false;
        }
        var isLicence = match.Groups["licence"].Success;
        var serial = isLicence ? match.Groups["licence"].Value : match.Groups["serial"].Value;
        int? site = match.Groups["site"].Success ? int.Parse(match.Groups["site"].Value) : null;
        number = new IcpNumber(match.Groups["province"].Value, serial, isLicence, site);
        return true;
    }

    public static bool TryParse(string? input, out IcpNumber number) => TryParse(input, out number, out _);

    public static IcpNumber Parse(string input) =>
        TryParse(input, out var number, out var error) ? number : throw new FormatException(error);

    public override string ToString() => Value;

    /// <summary>NFKC (full-width digits and "－"), no whitespace, "icp" upper-cased.</summary>
    public static string Normalize(string input)
    {
        var text = input.Normalize(NormalizationForm.FormKC);
        text = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        return text.Replace("icp", "ICP", StringComparison.OrdinalIgnoreCase).Replace('—', '-').Replace('–', '-');
    }
}
