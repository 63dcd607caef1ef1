namespace Beian.Core.IdentityNumbers;

/// <summary>
/// 境外组织证件: a registration number issued abroad, in any format. Lenient: 2–50 letters or
/// digits, with - / . ( ) allowed as separators, at least one digit.
/// </summary>
public static class ForeignOrganizationCertificate
{
    public const string FormatMessage = "境外组织证件号码应为2至50位字母或数字";
    private const string Separators = "-/.()";

    public static CertificateCheck Check(string? input)
    {
        var number = NumberText.Clean(input);
        if (number.Length == 0) return CertificateCheck.Fail(number, CertificateCheck.EmptyMessage);
        var wellFormed = number.Length is >= 2 and <= 50
            && number.All(c => char.IsLetterOrDigit(c) || Separators.Contains(c))
            && number.Any(char.IsDigit);
        return wellFormed ? CertificateCheck.Ok(number) : CertificateCheck.Fail(number, FormatMessage);
    }
}
