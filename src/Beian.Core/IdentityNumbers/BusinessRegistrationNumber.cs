namespace Beian.Core.IdentityNumbers;

/// <summary>
/// 营业执照注册号 (GS 15001-2006, before the credit code): 15 digits, the last one an
/// ISO 7064 MOD 11,10 check digit.
/// </summary>
public static class BusinessRegistrationNumber
{
    public const string FormatMessage = "营业执照注册号应为15位数字";
    public const string CheckDigitMessage = "营业执照注册号校验位不正确";

    public static CertificateCheck Check(string? input)
    {
        var number = NumberText.CleanWithoutHyphens(input);
        if (number.Length == 0) return CertificateCheck.Fail(number, CertificateCheck.EmptyMessage);
        if (number.Length != 15 || !NumberText.AllDigits(number)) return CertificateCheck.Fail(number, FormatMessage);
        if (CheckDigit(number[..14]) != number[14]) return CertificateCheck.Fail(number, CheckDigitMessage);
        return CertificateCheck.Ok(number);
    }

    /// <summary>
    /// ISO 7064 MOD 11,10: p = 10; for each digit s = p mod 11 + digit, p = (s mod 10, or 10
    /// when 0) × 2; the check digit c makes (p mod 11 + c) mod 10 equal 1.
    /// </summary>
    public static char CheckDigit(string first14Digits)
    {
        if (first14Digits.Length != 14 || !NumberText.AllDigits(first14Digits))
        {
            throw new ArgumentException("Expected 14 digits.", nameof(first14Digits));
        }
        var product = 10;
        foreach (var digit in first14Digits)
        {
            var sum = (product % 11 + (digit - '0')) % 10;
            product = (sum == 0 ? 10 : sum) * 2;
        }
        var check = (11 - product % 11) % 10;
        return (char)('0' + check);
    }
}
