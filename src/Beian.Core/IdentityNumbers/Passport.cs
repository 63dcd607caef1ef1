using System.Text.RegularExpressions;

namespace Beian.Core.IdentityNumbers;

/// <summary>
/// 护照号码. The 负责人 may hold a Chinese or a foreign passport, so the rule is the general
/// one: 5–17 letters or digits with at least one digit (spaces dropped, letters upper-cased).
/// Chinese passport formats (<see cref="IsChinesePassport"/>) all satisfy it:
/// E + 8 digits (2012 e-passport), E + letter (no I/O) + 7 digits (2017), G + 8 digits,
/// 14/15 + 7 digits (pre-2012), and P/S/D (公务/公务普通/外交), optionally followed by E, + 7 digits.
/// </summary>
public static partial class Passport
{
    public const string FormatMessage = "护照号码应为5至17位字母或数字";

    [GeneratedRegex(@"^[A-Z0-9]{5,17}$")]
    private static partial Regex GeneralPattern();

    [GeneratedRegex(@"^(?:E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8}|1[45]\d{7}|[PSD]E?\d{7})$")]
    private static partial Regex ChinesePattern();

    public static CertificateCheck Check(string? input)
    {
        var number = NumberText.Clean(input);
        if (number.Length == 0) return CertificateCheck.Fail(number, CertificateCheck.EmptyMessage);
        if (!GeneralPattern().IsMatch(number) || !number.Any(char.IsAsciiDigit))
        {
            return CertificateCheck.Fail(number, FormatMessage);
        }
        return CertificateCheck.Ok(number);
    }

    public static bool IsChinesePassport(string? input) => ChinesePattern().IsMatch(NumberText.Clean(input));
}
