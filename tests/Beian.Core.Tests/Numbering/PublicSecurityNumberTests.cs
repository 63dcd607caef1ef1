using Beian.Core.Numbering;

namespace Beian.Core.Tests.Numbering;

public class PublicSecurityNumberTests
{
    [Fact]
    public void Create_formats_area_code_category_and_serial()
    {
        var number = PublicSecurityNumber.Create("110105", FilingCategory.Website, 1);

        Assert.Equal("11010502000001", number.Digits);
        Assert.Equal("京公网安备11010502000001号", number.Display);
        Assert.Equal(number.Display, number.ToString());
        Assert.Equal("京", number.ProvinceAbbreviation);
        Assert.Equal(FilingCategory.Website, number.Category);
        Assert.False(number.IsLegacy);
    }

    [Theory]
    [InlineData("440305", FilingCategory.App, 123456, "粤公网安备44030503123456号")]
    [InlineData("310000", FilingCategory.MiniProgram, 999999, "沪公网安备31000004999999号")]
    [InlineData("520102", FilingCategory.Website, 42, "贵公网安备52010202000042号")]
    [InlineData("810000", FilingCategory.Website, 7, "港公网安备81000002000007号")]
    public void Create_uses_the_province_abbreviation_and_category_digits(string area, FilingCategory category, int serial, string display)
    {
        Assert.Equal(display, PublicSecurityNumber.Create(area, category, serial).Display);
    }

    [Fact]
    public void Categories_have_distinct_documented_digits()
    {
        Assert.Equal("02", FilingCategory.Website.Digits());
        Assert.Equal("03", FilingCategory.App.Digits());
        Assert.Equal("04", FilingCategory.MiniProgram.Digits());
        Assert.Equal(Enum.GetValues<FilingCategory>().Length, FilingCategories.All.Values.Distinct().Count());
        Assert.All(Enum.GetValues<FilingCategory>(), c => Assert.Equal(c, FilingCategories.FromDigits(c.Digits())));
        Assert.Null(FilingCategories.FromDigits("99"));
    }

    [Theory]
    [InlineData("11010", 1)]
    [InlineData("1101051", 1)]
    [InlineData("11010a", 1)]
    [InlineData("990101", 1)]
    [InlineData("", 1)]
    [InlineData("110105", 0)]
    [InlineData("110105", 1_000_000)]
    [InlineData("110105", -5)]
    public void Create_rejects_bad_area_codes_and_serials(string area, int serial)
    {
        Assert.ThrowsAny<ArgumentException>(() => PublicSecurityNumber.Create(area, FilingCategory.Website, serial));
    }

    [Theory]
    [InlineData("京公网安备11010502000001号")]
    [InlineData("京公网安备11010502000001")]
    [InlineData("京公网安备 11010502000001号")]
    [InlineData("京 公网安备 110105 02 000001 号")]
    [InlineData("  京公网安备\u300011010502000001号 ")]
    [InlineData("京公网安备１１０１０５０２０００００１号")]
    [InlineData("公网安备11010502000001号")]
    [InlineData("京11010502000001")]
    [InlineData("11010502000001")]
    [InlineData("11010502000001号")]
    [InlineData("１１０１０５ ０２ ０００００１")]
    [InlineData("京公网安备11010502000001號")]
    public void TryParse_accepts_every_usual_spelling(string input)
    {
        Assert.True(PublicSecurityNumber.TryParse(input, out var number, out var error), error);
        Assert.Null(error);
        Assert.Equal("11010502000001", number.Digits);
        Assert.Equal("京公网安备11010502000001号", number.Display);
        Assert.Equal("110105", number.AreaCode);
        Assert.Equal("02", number.CategoryDigits);
        Assert.Equal(1, number.Serial);
        Assert.Equal(PublicSecurityNumber.Create("110105", FilingCategory.Website, 1), number);
    }

    [Theory]
    [InlineData("京公网安备110105000655号")]
    [InlineData("110105000655")]
    [InlineData("京 公网安备 １１０１０５０００６５５")]
    public void TryParse_accepts_legacy_twelve_digit_numbers(string input)
    {
        Assert.True(PublicSecurityNumber.TryParse(input, out var number, out var error), error);
        Assert.True(number.IsLegacy);
        Assert.Null(number.CategoryDigits);
        Assert.Null(number.Category);
        Assert.Equal(655, number.Serial);
        Assert.Equal("110105000655", number.Digits);
        Assert.Equal("京公网安备110105000655号", number.Display);
    }

    [Fact]
    public void Guizhou_may_be_written_qian_and_displays_as_gui()
    {
        Assert.True(PublicSecurityNumber.TryParse("黔公网安备52010202000003号", out var number, out _));
        Assert.Equal("贵公网安备52010202000003号", number.Display);
        Assert.True(PublicSecurityNumber.TryParse("贵公网安备52010202000003号", out _, out _));
    }

    [Fact]
    public void Unknown_category_digits_parse_without_a_category()
    {
        Assert.True(PublicSecurityNumber.TryParse("京公网安备11010599000001号", out var number, out var error), error);
        Assert.Equal("99", number.CategoryDigits);
        Assert.Null(number.Category);
        Assert.False(number.IsLegacy);
        Assert.Equal("京公网安备11010599000001号", number.Display);
    }

    [Theory]
    [InlineData("京公网安备31010502000001号", "备案号的省份简称与地区码不符")]
    [InlineData("沪11010502000001", "备案号的省份简称与地区码不符")]
    [InlineData("黔公网安备11010502000001号", "备案号的省份简称与地区码不符")]
    [InlineData("X公网安备11010502000001号", "备案号的省份简称不正确")]
    [InlineData("北京公网安备11010502000001号", "备案号的省份简称不正确")]
    [InlineData("京公网安备1101050200001号", "备案号应为14位数字（旧备案号为12位）")]
    [InlineData("110105020000011", "备案号应为14位数字（旧备案号为12位）")]
    [InlineData("1101050000655", "备案号应为14位数字（旧备案号为12位）")]
    [InlineData("京公网安备号", "备案号应为14位数字（旧备案号为12位）")]
    [InlineData("京公网安备1101050200000A号", "备案号只能包含数字")]
    [InlineData("1101050200000a", "备案号只能包含数字")]
    [InlineData("京公网安备11010502000001号号", "备案号只能包含数字")]
    [InlineData("11-0105-02000001", "备案号只能包含数字")]
    [InlineData("京ICP备12345678号", "这是ICP备案号，请输入公安备案号")]
    [InlineData("99010502000001", "备案号的地区码不正确")]
    [InlineData("00000002000001", "备案号的地区码不正确")]
    [InlineData("京公网安备11010502000000号", "备案号的序号不能为000000")]
    [InlineData("", "请输入公安备案号")]
    [InlineData("   ", "请输入公安备案号")]
    [InlineData(null, "请输入公安备案号")]
    public void TryParse_rejects_with_a_chinese_message(string? input, string expected)
    {
        Assert.False(PublicSecurityNumber.TryParse(input, out var number, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(default, number);
    }

    [Theory]
    [InlineData("110105", FilingCategory.Website, 1)]
    [InlineData("440305", FilingCategory.App, 123456)]
    [InlineData("650102", FilingCategory.MiniProgram, 999999)]
    [InlineData("710000", FilingCategory.Website, 10)]
    [InlineData("820000", FilingCategory.App, 20)]
    [InlineData("150102", FilingCategory.Website, 30)]
    public void Display_and_digits_round_trip_through_TryParse(string area, FilingCategory category, int serial)
    {
        var created = PublicSecurityNumber.Create(area, category, serial);

        Assert.True(PublicSecurityNumber.TryParse(created.Display, out var fromDisplay, out var error), error);
        Assert.Equal(created, fromDisplay);
        Assert.Equal(created, PublicSecurityNumber.Parse(created.Digits));
    }

    [Fact]
    public void Every_province_round_trips()
    {
        foreach (var province in Beian.Core.Regions.RegionCatalog.Default.Provinces)
        {
            var created = PublicSecurityNumber.Create(province.Code, FilingCategory.Website, 1);
            Assert.Equal(created, PublicSecurityNumber.Parse(created.Display));
        }
    }

    [Fact]
    public void Parse_throws_a_format_exception_with_the_message()
    {
        var exception = Assert.Throws<FormatException>(() => PublicSecurityNumber.Parse("abc"));
        Assert.Equal("备案号只能包含数字", exception.Message);
    }
}
