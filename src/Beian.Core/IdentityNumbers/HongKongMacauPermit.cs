using System.Text.RegularExpressions;

namespace Beian.Core.IdentityNumbers;

/// <summary>
/// 港澳居民来往内地通行证 (回乡证): H (香港) or M (澳门) + 8 digits (2013 card); the older card
/// adds 2 digits (换证次数), so 10 digits are accepted too.
/// </summary>
public static partial class HongKongMacauPermit
{
    public const string FormatMessage = "港澳居民来往内地通行证号码应为H或M加8位数字（旧版为10位数字）";

    [GeneratedRegex(@"^[HM]\d{8}(?:\d{2})?$")]
    private static partial Regex Pattern();

    public static CertificateCheck Check(string? input)
    {
        var number = NumberText.Clean(input);
        if (number.Length == 0) return CertificateCheck.Fail(number, CertificateCheck.EmptyMessage);
        return Pattern().IsMatch(number) ? CertificateCheck.Ok(number) : CertificateCheck.Fail(number, FormatMessage);
    }
}
