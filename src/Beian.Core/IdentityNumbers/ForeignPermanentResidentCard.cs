using Beian.Core.Time;
using System.Text.RegularExpressions;
using Beian.Core.Regions;

namespace Beian.Core.IdentityNumbers;

/// <summary>
/// 外国人永久居留身份证.
/// 2017 card and earlier: 15 characters, 3 letters (nationality, ISO 3166 alpha-3) + 12 digits;
/// only the shape is checked.
/// 2023 card: 18 characters, "9" + 2-digit province of acceptance + 3-digit nationality code +
/// birth date (yyyyMMdd) + 3-digit sequence + a GB 11643 check character; province, birth
/// date and check character are checked.
/// </summary>
public static partial class ForeignPermanentResidentCard
{
    public const string FormatMessage = "外国人永久居留身份证号码应为15位（3位字母加12位数字）或以9开头的18位";
    public const string ProvinceMessage = "外国人永久居留身份证号码的受理地代码不正确";
    public const string BirthDateMessage = "外国人永久居留身份证号码中的出生日期不正确";
    public const string CheckCharacterMessage = "外国人永久居留身份证号码校验位不正确";

    [GeneratedRegex(@"^[A-Z]{3}\d{12}$")]
    private static partial Regex OldPattern();

    /// <summary>Checked against today's date in Beijing; prefer the overload taking <c>today</c>.</summary>
    public static CertificateCheck Check(string? input) => Check(input, BeijingTime.DateOf(DateTime.UtcNow));

    public static CertificateCheck Check(string? input, DateOnly today)
    {
        var number = NumberText.Clean(input);
        if (number.Length == 0) return CertificateCheck.Fail(number, CertificateCheck.EmptyMessage);
        if (OldPattern().IsMatch(number)) return CertificateCheck.Ok(number);
        if (number[0] != '9' || !Gb11643.HasValidShape(number)) return CertificateCheck.Fail(number, FormatMessage);
        if (RegionCatalog.Default.Find(number[1..3] + "0000") is not { Level: RegionLevel.Province })
        {
            return CertificateCheck.Fail(number, ProvinceMessage);
        }
        if (!Gb11643.IsPlausibleBirthDate(Gb11643.BirthDate(number), today))
        {
            return CertificateCheck.Fail(number, BirthDateMessage);
        }
        if (!Gb11643.HasValidCheckCharacter(number)) return CertificateCheck.Fail(number, CheckCharacterMessage);
        return CertificateCheck.Ok(number);
    }
}
