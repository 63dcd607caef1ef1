using Beian.Core.Time;
namespace Beian.Core.IdentityNumbers;

/// <summary>
/// 港澳台居民居住证 (2018): a GB 11643 number whose area code is 810000 (香港), 820000 (澳门)
/// or 830000 (台湾); birth date and check character as on a 居民身份证.
/// </summary>
public static class HkMacaoTaiwanResidencePermit
{
    private static readonly string[] AreaCodes = ["810000", "820000", "830000"];

    public const string FormatMessage = "港澳台居民居住证号码应为18位（17位数字加1位校验码）";
    public const string AreaCodeMessage = "港澳台居民居住证号码应以810000、820000或830000开头";
    public const string BirthDateMessage = "港澳台居民居住证号码中的出生日期不正确";
    public const string CheckCharacterMessage = "港澳台居民居住证号码校验位不正确";

    /// <summary>Checked against today's date in Beijing; prefer the overload taking <c>today</c>.</summary>
    public static CertificateCheck Check(string? input) => Check(input, BeijingTime.DateOf(DateTime.UtcNow));

    public static CertificateCheck Check(string? input, DateOnly today)
    {
        var number = NumberText.Clean(input);
        if (number.Length == 0) return CertificateCheck.Fail(number, CertificateCheck.EmptyMessage);
        if (!Gb11643.HasValidShape(number)) return CertificateCheck.Fail(number, FormatMessage);
        if (!AreaCodes.Contains(number[..6])) return CertificateCheck.Fail(number, AreaCodeMessage);
        if (!Gb11643.IsPlausibleBirthDate(Gb11643.BirthDate(number), today))
        {
            return CertificateCheck.Fail(number, BirthDateMessage);
        }
        if (!Gb11643.HasValidCheckCharacter(number)) return CertificateCheck.Fail(number, CheckCharacterMessage);
        return CertificateCheck.Ok(number);
    }
}
