namespace Beian.Core.IdentityNumbers;

/// <summary>
/// Certificates that since 2015–2018 carry a 统一社会信用代码 whose first two characters name
/// the issuing register: 12 事业单位 (机构编制), 51 社会团体, 52 民办非企业单位, 53 基金会 (民政).
/// </summary>
internal static class CreditCodeCertificate
{
    public static CertificateCheck Check(string number, string prefix, string prefixMessage)
    {
        var check = UnifiedSocialCreditCode.Check(number);
        if (!check.IsValid) return check;
        return check.Normalized.StartsWith(prefix, StringComparison.Ordinal)
            ? check
            : CertificateCheck.Fail(check.Normalized, prefixMessage);
    }
}

/// <summary>事业单位法人证书: the old 12-digit 证书号, or a credit code starting with 12.</summary>
public static class PublicInstitutionCertificate
{
    public const string FormatMessage = "事业单位法人证书号应为12位数字或以12开头的统一社会信用代码";

    public static CertificateCheck Check(string? input)
    {
        var number = NumberText.CleanWithoutHyphens(input);
        if (number.Length == 0) return CertificateCheck.Fail(number, CertificateCheck.EmptyMessage);
        if (number.Length == 12 && NumberText.AllDigits(number)) return CertificateCheck.Ok(number);
        if (number.Length != 18) return CertificateCheck.Fail(number, FormatMessage);
        return CreditCodeCertificate.Check(number, "12", FormatMessage);
    }
}

/// <summary>社会团体法人登记证书: a credit code starting with 51.</summary>
public static class SocialOrganizationCertificate
{
    public const string PrefixMessage = "社会团体法人登记证书的统一社会信用代码应以51开头";

    public static CertificateCheck Check(string? input) =>
        CreditCodeCertificate.Check(NumberText.Clean(input), "51", PrefixMessage);
}

/// <summary>民办非企业单位登记证书: a credit code starting with 52.</summary>
public static class PrivateNonEnterpriseCertificate
{
    public const string PrefixMessage = "民办非企业单位登记证书的统一社会信用代码应以52开头";

    public static CertificateCheck Check(string? input) =>
        CreditCodeCertificate.Check(NumberText.Clean(input), "52", PrefixMessage);
}

/// <summary>基金会法人登记证书: a credit code starting with 53.</summary>
public static class FoundationCertificate
{
    public const string PrefixMessage = "基金会法人登记证书的统一社会信用代码应以53开头";

    public static CertificateCheck Check(string? input) =>
        CreditCodeCertificate.Check(NumberText.Clean(input), "53", PrefixMessage);
}
