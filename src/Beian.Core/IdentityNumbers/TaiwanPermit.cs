using System.Text.RegularExpressions;

namespace Beian.Core.IdentityNumbers;

/// <summary>
/// 台湾居民来往大陆通行证 (台胞证): 8 digits (2015 card). The older booklet printed 10 characters,
/// 8 digits plus a 2-character 换发次数 often written in brackets ("12345678(01)"); brackets
/// are dropped and the last two may be digits or letters.
/// </summary>
public static partial class TaiwanPermit
{
    public const string FormatMessage = "台湾居民来往大陆通行证号码应为8位数字（旧版为10位）";

    [GeneratedRegex(@"^\d{8}(?:[0-9A-Z]{2})?$")]
    private static partial Regex Pattern();

    public static CertificateCheck Check(string? input)
    {
        var number = NumberText.Clean(input).Replace("(", string.Empty).Replace(")", string.Empty);
        if (number.Length == 0) return CertificateCheck.Fail(number, CertificateCheck.EmptyMessage);
        return Pattern().IsMatch(number) ? CertificateCheck.Ok(number) : CertificateCheck.Fail(number, FormatMessage);
    }
}
