using System.Text.RegularExpressions;

namespace Beian.Core.IdentityNumbers;

/// <summary>
/// 军队单位代号. Published unit designations are 5 digits ("61001部队"); the suffix 部队 is
/// dropped. There is no published check character, so the rule is lenient: 5 digits, or any
/// valid 统一社会信用代码 (military institutions registered with 中央军委改革和编制办公室
/// carry codes starting with A, others may carry codes of other registers).
/// </summary>
public static partial class MilitaryUnitCode
{
    public const string FormatMessage = "军队单位代号应为5位数字（如61001部队），或填写统一社会信用代码";

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex DesignationPattern();

    public static CertificateCheck Check(string? input)
    {
        var number = NumberText.Clean(input).Replace("部队", string.Empty);
        if (number.Length == 0) return CertificateCheck.Fail(number, CertificateCheck.EmptyMessage);
        if (DesignationPattern().IsMatch(number)) return CertificateCheck.Ok(number);
        return number.Length == 18 ? UnifiedSocialCreditCode.Check(number) : CertificateCheck.Fail(number, FormatMessage);
    }
}
