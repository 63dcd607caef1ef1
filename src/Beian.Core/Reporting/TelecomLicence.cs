using System.Text.RegularExpressions;

namespace Beian.Core.Reporting;

/// <summary>
/// A 增值电信业务经营许可证 number: an optional province abbreviation (none for a 跨地区 licence), the
/// category (A1, A2, B1, B2) and the eight-digit serial, e.g. B1-20160211, 浙B2-20080224. IDC, CDN, cloud
/// and access services are category B1 (第一类增值电信业务); an app store, an information service, is B2.
/// </summary>
public sealed partial record TelecomLicence(string? Province, string Category, string Serial)
{
    public const int MaxLength = 20;

    public string Value => $"{Province}{Category}-{Serial}";

    public static bool TryParse(string? input, out TelecomLicence licence)
    {
        licence = null!;
        if (input == null) return false;
        var match = Shape().Match(input.Trim().ToUpperInvariant().Replace('－', '-'));
        if (!match.Success) return false;
        licence = new TelecomLicence(match.Groups["province"].Success ? match.Groups["province"].Value : null,
            match.Groups["category"].Value, match.Groups["serial"].Value);
        return true;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^(?<province>[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])?(?<category>A1|A2|B1|B2)-(?<serial>\\d{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
