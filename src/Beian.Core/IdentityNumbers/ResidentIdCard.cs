using Beian.Core.Time;
using Beian.Core.Regions;

namespace Beian.Core.IdentityNumbers;

/// <summary>
/// 居民身份证号码 (GB 11643-1999), 18 characters; a lower-case x is accepted and normalised to X.
/// <para>
/// Area code: a number keeps the county code of its first registration for life, and many
/// county codes have since been abolished or renumbered, while <see cref="RegionCatalog"/>
/// holds only current codes. So the area code is accepted when the 6-digit code is a known
/// region, or at least its province (first two digits + "0000") is a known mainland province;
/// a bare province code (xx0000) is never a birth-registration area and is refused.
/// The province must be one of the catalog's provinces (11–65); 71/81/82 are not issued on
/// a 居民身份证 (see <see cref="HkMacaoTaiwanResidencePermit"/>).
/// </para>
/// </summary>
public static class ResidentIdCard
{
    public const string LengthMessage = "身份证号码应为18位";
    public const string FormatMessage = "身份证号码应为17位数字加1位校验码（数字或X）";
    public const string CheckCharacterMessage = "身份证号码校验位不正确";
    public const string BirthDateMessage = "身份证号码中的出生日期不正确";
    public const string BirthDateTooEarlyMessage = "身份证号码中的出生日期早于1900年，请核对";
    public const string AreaCodeMessage = "身份证号码的地区码不正确";

    /// <summary>The help under a field where a 居民身份证 number is typed.</summary>
    public const string CheckCharacterHelp = "身份证号码末位的X大写、小写均可，保存为大写X。";

    /// <summary>Checked against today's date in Beijing; prefer the overload taking <c>today</c>.</summary>
    public static CertificateCheck Check(string? input) => Check(input, BeijingTime.DateOf(DateTime.UtcNow));

    public static CertificateCheck Check(string? input, DateOnly today) =>
        Check(input, today, RegionCatalog.Default);

    public static CertificateCheck Check(string? input, DateOnly today, RegionCatalog regions)
    {
        var number = NumberText.Clean(input);
        if (number.Length == 0) return CertificateCheck.Fail(number, CertificateCheck.EmptyMessage);
        if (number.Length != 18) return CertificateCheck.Fail(number, LengthMessage);
        if (!Gb11643.HasValidShape(number)) return CertificateCheck.Fail(number, FormatMessage);
        if (!IsKnownAreaCode(number[..6], regions)) return CertificateCheck.Fail(number, AreaCodeMessage);
        var birthDate = Gb11643.BirthDate(number);
        if (Gb11643.IsBeforeEarliestBirthDate(birthDate)) return CertificateCheck.Fail(number, BirthDateTooEarlyMessage);
        if (!Gb11643.IsPlausibleBirthDate(birthDate, today)) return CertificateCheck.Fail(number, BirthDateMessage);
        if (!Gb11643.HasValidCheckCharacter(number)) return CertificateCheck.Fail(number, CheckCharacterMessage);
        return CertificateCheck.Ok(number);
    }

    /// <summary>
    /// Any code below a known mainland province: current codes and abolished ones alike
    /// (the catalog cannot tell an abolished county from a typo, so the province is the test).
    /// </summary>
    public static bool IsKnownAreaCode(string areaCode, RegionCatalog regions)
    {
        if (areaCode.EndsWith("0000")) return false;
        var province = regions.Find(areaCode[..2] + "0000");
        return province is { Level: RegionLevel.Province };
    }
}
