namespace Beian.Core.IdentityNumbers;

/// <summary>营业执照: a 15-digit 注册号 (older licences) or an 18-character 统一社会信用代码.</summary>
public static class BusinessLicense
{
    public const string LengthMessage = "营业执照号码应为15位注册号或18位统一社会信用代码";

    public static CertificateCheck Check(string? input)
    {
        var number = NumberText.CleanWithoutHyphens(input);
        return number.Length switch
        {
            0 => CertificateCheck.Fail(number, CertificateCheck.EmptyMessage),
            15 => BusinessRegistrationNumber.Check(number),
            18 => UnifiedSocialCreditCode.Check(number),
            _ => CertificateCheck.Fail(number, LengthMessage),
        };
    }
}
