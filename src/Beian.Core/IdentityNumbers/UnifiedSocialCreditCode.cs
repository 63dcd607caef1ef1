using Beian.Core.Regions;

namespace Beian.Core.IdentityNumbers;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015), 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY"
/// (no I, O, Z, S, V):
/// 1 登记管理部门, 2 机构类别, 3–8 登记管理机关行政区划码, 9–17 组织机构代码 (GB 11714, its own
/// check character included), 18 check character (MOD 31).
/// <para>
/// Refused: an unknown 登记管理部门 (see <see cref="CreditCodeDepartments"/>); a 机构类别 that is
/// not a digit; a region code that is not 6 digits inside a known province or the national
/// "10" prefix. Categories missing from the table are accepted (the table grows over time);
/// the organisation-code part is not re-checked here, as real codes are trusted to carry it.
/// </para>
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public const string LengthMessage = "统一社会信用代码应为18位";
    public const string CharsetMessage = "统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）";
    public const string DepartmentMessage = "统一社会信用代码的登记管理部门代码不正确";
    public const string CategoryMessage = "统一社会信用代码的机构类别代码不正确";
    public const string RegionMessage = "统一社会信用代码的行政区划码不正确";
    public const string CheckCharacterMessage = "统一社会信用代码校验位不正确";

    public static CertificateCheck Check(string? input)
    {
        var code = NumberText.Clean(input);
        if (code.Length == 0) return CertificateCheck.Fail(code, CertificateCheck.EmptyMessage);
        if (code.Length != 18) return CertificateCheck.Fail(code, LengthMessage);
        if (!code.All(Charset.Contains)) return CertificateCheck.Fail(code, CharsetMessage);
        if (CreditCodeDepartments.Find(code[0]) is null) return CertificateCheck.Fail(code, DepartmentMessage);
        if (!char.IsAsciiDigit(code[1])) return CertificateCheck.Fail(code, CategoryMessage);
        if (!IsRegionCode(code[2..8])) return CertificateCheck.Fail(code, RegionMessage);
        if (CheckCharacter(code[..17]) != code[17]) return CertificateCheck.Fail(code, CheckCharacterMessage);
        return CertificateCheck.Ok(code);
    }

    /// <summary>The MOD 31 check character for the first 17 characters.</summary>
    public static char CheckCharacter(string first17)
    {
        if (first17.Length != 17 || !first17.All(Charset.Contains))
        {
            throw new ArgumentException("Expected 17 credit-code characters.", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Charset.IndexOf(first17[i]) * Weights[i];
        }
        var check = 31 - sum % 31;
        return Charset[check == 31 ? 0 : check];
    }

    /// <summary>Characters 3–8: the 登记管理机关's administrative division (330106 …, 100000 for national registers).</summary>
    public static string RegionCodePart(string code) => code[2..8];

    /// <summary>Characters 9–17: the organisation's GB 11714 code.</summary>
    public static string OrganizationCodePart(string code) => code[8..17];

    /// <summary>True when <paramref name="code"/> is a valid credit code starting with <paramref name="prefix"/>.</summary>
    public static bool IsValidWithPrefix(string? code, string prefix)
    {
        var check = Check(code);
        return check.IsValid && check.Normalized.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static bool IsRegionCode(string region)
    {
        if (!NumberText.AllDigits(region)) return false;
        if (region.StartsWith("10", StringComparison.Ordinal)) return true;
        return RegionCatalog.Default.Find(region[..2] + "0000") is { Level: RegionLevel.Province };
    }
}
