using System.Diagnostics.CodeAnalysis;
using Beian.Core.Regions;

namespace Beian.Core.Numbering;

/// <summary>
/// A 公安备案号, e.g. 京公网安备11010502000001号: the filing police unit's 6-digit area code,
/// two category digits (see <see cref="FilingCategory"/>) and a 6-digit serial unique within the area code.
/// Legacy numbers have 12 digits (area code + serial, no category), e.g. 京公网安备110105000655号.
/// Build new numbers with <see cref="Create"/>, read typed ones with <see cref="TryParse"/>;
/// store <see cref="Digits"/> and read it back with <see cref="Parse"/>.
/// <c>default(PublicSecurityNumber)</c> is not a number.
/// </summary>
public readonly record struct PublicSecurityNumber
{
    public const string Mark = "公网安备";
    public const int SerialMax = 999_999;

    private PublicSecurityNumber(string areaCode, string? categoryDigits, int serial, string provinceAbbreviation)
    {
        AreaCode = areaCode;
        CategoryDigits = categoryDigits;
        Serial = serial;
        ProvinceAbbreviation = provinceAbbreviation;
    }

    /// <summary>Region code of the filing police unit (county, city or province), 6 digits.</summary>
    public string AreaCode { get; }

    /// <summary>Digits 7–8 of a 14-digit number ("02" for websites); null for a legacy number.</summary>
    public string? CategoryDigits { get; }

    /// <summary>1 … 999999.</summary>
    public int Serial { get; }

    /// <summary>京, 沪, 粤 … of the area code's province.</summary>
    public string ProvinceAbbreviation { get; }

    /// <summary>A 12-digit number from before category digits were introduced.</summary>
    public bool IsLegacy => CategoryDigits is null;

    /// <summary>
    /// The category for known category digits; null for a legacy number and for a 14-digit number
    /// whose category digits this platform never issues (such numbers still parse: they may come from elsewhere).
    /// </summary>
    public FilingCategory? Category => FilingCategories.FromDigits(CategoryDigits);

    /// <summary>The 14 (legacy: 12) digits, e.g. "11010502000001"; also the public query's <c>code</c>.</summary>
    public string Digits => AreaCode + CategoryDigits + Serial.ToString("000000");

    /// <summary>e.g. "京公网安备11010502000001号".</summary>
    public string Display => ProvinceAbbreviation + Mark + Digits + "号";

    public override string ToString() => Display;

    /// <summary>A new number; throws <see cref="ArgumentException"/> for an invalid area code or serial.</summary>
    public static PublicSecurityNumber Create(string areaCode, FilingCategory category, int serial)
    {
        var abbreviation = AreaCodeProvince(areaCode)
            ?? throw new ArgumentException($"地区码“{areaCode}”不是有效的省级行政区划代码", nameof(areaCode));
        if (serial is < 1 or > SerialMax)
        {
            throw new ArgumentOutOfRangeException(nameof(serial), serial, "备案号序号应在1至999999之间");
        }
        return new PublicSecurityNumber(areaCode, category.Digits(), serial, abbreviation);
    }

    /// <summary><see cref="TryParse"/> or a <see cref="FormatException"/> with its message.</summary>
    public static PublicSecurityNumber Parse(string? input) =>
        TryParse(input, out var number, out var error) ? number : throw new FormatException(error);

    /// <summary>
    /// Reads a number as people type it in a query or a claim: "京公网安备11010502000001号",
    /// "京公网安备 11010502000001", "11010502000001", "京11010502000001", legacy 12-digit numbers,
    /// with spaces, full-width spaces or full-width digits, with or without 号 (贵州 as 贵 or 黔).
    /// A province abbreviation, when given, must match the area code's province.
    /// Unknown category digits are accepted (see <see cref="Category"/>).
    /// </summary>
    public static bool TryParse(string? input, out PublicSecurityNumber number, [NotNullWhen(false)] out string? error)
    {
        number = default;
        error = NumberParser.Read(input, out var prefix, out var digits);
        if (error is not null) return false;

        var areaCode = digits[..6];
        var abbreviation = AreaCodeProvince(areaCode);
        if (abbreviation is null)
        {
            error = "备案号的地区码不正确";
            return false;
        }
        if (prefix is not null && ProvincePrefixes.ProvinceDigits(prefix) != areaCode[..2])
        {
            error = "备案号的省份简称与地区码不符";
            return false;
        }
        var serial = int.Parse(digits[^6..]);
        if (serial == 0)
        {
            error = "备案号的序号不能为000000";
            return false;
        }
        var categoryDigits = digits.Length == 14 ? digits[6..8] : null;
        number = new PublicSecurityNumber(areaCode, categoryDigits, serial, abbreviation);
        return true;
    }

    private static string? AreaCodeProvince(string? areaCode) =>
        areaCode is { Length: 6 } && areaCode.All(char.IsAsciiDigit)
            ? RegionCatalog.Default.ProvinceAbbreviation(areaCode)
            : null;
}
