using Beian.Core.Regions;
using Beian.Web.Features.Regions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Beian.Web.Tests.Regions;

public class AddressInputTests
{
    private static readonly RegionCatalog Regions = RegionCatalog.Default;

    private static AddressInput Xihu(string? detail = "文三路90号") => new()
    {
        ProvinceCode = "330000",
        CityCode = "330100",
        CountyCode = "330106",
        Detail = detail,
    };

    private static List<(string Field, string Message)> Problems(AddressInput address, bool required = true) =>
        address.Validate(Regions, required).ToList();

    [Fact]
    public void A_complete_address_is_valid_and_reads_as_one_line()
    {
        var address = Xihu();
        Assert.Empty(Problems(address));
        Assert.Equal("浙江省 杭州市 西湖区 文三路90号", address.FullText(Regions));
        Assert.Equal("330106", address.RegionCode(Regions));
    }

    [Fact]
    public void An_empty_required_address_asks_for_province_city_and_detail()
    {
        var problems = Problems(new AddressInput());
        Assert.Contains(("ProvinceCode", "请选择省份"), problems);
        Assert.Contains(("CityCode", "请选择城市"), problems);
        Assert.Contains(("Detail", "请填写详细地址"), problems);
    }

    [Fact]
    public void A_missing_county_is_reported()
    {
        var address = Xihu();
        address.CountyCode = null;
        Assert.Equal([("CountyCode", "请选择区县")], Problems(address));
        Assert.Null(address.RegionCode(Regions));
    }

    [Fact]
    public void A_city_of_another_province_is_refused()
    {
        var address = Xihu();
        address.CityCode = "320100"; // 南京市
        address.CountyCode = null;
        Assert.Equal([("CityCode", "所选城市不属于所选省份")], Problems(address));
    }

    [Fact]
    public void A_county_of_another_city_is_refused()
    {
        var address = Xihu();
        address.CountyCode = "330203"; // 宁波市海曙区
        Assert.Equal([("CountyCode", "所选区县不属于所选城市")], Problems(address));
    }

    [Fact]
    public void An_unknown_province_code_is_refused()
    {
        var address = Xihu();
        address.ProvinceCode = "990000";
        Assert.Contains(Problems(address), problem => problem.Field == "ProvinceCode");
    }

    [Fact]
    public void A_city_without_counties_needs_no_county()
    {
        var address = new AddressInput { ProvinceCode = "440000", CityCode = "441900", Detail = "东城街道东纵大道1号" };
        Assert.Empty(Problems(address));
        Assert.Equal("441900", address.RegionCode(Regions));
        Assert.Equal("广东省 东莞市 东城街道东纵大道1号", address.FullText(Regions));
    }

    [Theory]
    [InlineData("文三路", "详细地址过于简单，请填写到门牌号")]
    [InlineData("    ", "请填写详细地址")]
    public void A_too_simple_detail_is_refused(string detail, string message) =>
        Assert.Equal([("Detail", message)], Problems(Xihu(detail)));

    [Fact]
    public void A_detail_of_five_characters_passes_and_of_over_a_hundred_fails()
    {
        Assert.Empty(Problems(Xihu("文三路9号")));
        Assert.Empty(Problems(Xihu(new string('路', 100))));
        var problem = Assert.Single(Problems(Xihu(new string('路', 101))));
        Assert.Equal("Detail", problem.Field);
        Assert.Contains("100", problem.Message);
    }

    [Fact]
    public void An_optional_address_may_be_empty_but_not_half_filled()
    {
        Assert.Empty(Problems(new AddressInput(), required: false));
        var half = new AddressInput { ProvinceCode = "330000" };
        Assert.Contains(("CityCode", "请选择城市"), Problems(half, required: false));
        Assert.Contains(("Detail", "请填写详细地址"), Problems(half, required: false));
    }

    [Fact]
    public void Errors_go_to_model_state_under_the_partials_field_names()
    {
        var modelState = new ModelStateDictionary();
        var address = Xihu("文三");
        address.CountyCode = null;
        Assert.False(address.AddErrorsTo(modelState, "Input.OfficeAddress", Regions));
        Assert.Equal("请选择区县", modelState["Input.OfficeAddress.CountyCode"]!.Errors.Single().ErrorMessage);
        Assert.Equal("详细地址过于简单，请填写到门牌号", modelState["Input.OfficeAddress.Detail"]!.Errors.Single().ErrorMessage);
        Assert.True(Xihu().AddErrorsTo(new ModelStateDictionary(), "Input.OfficeAddress", Regions));
    }

    [Fact]
    public void Placeholder_city_levels_are_left_out_of_the_full_text()
    {
        var address = new AddressInput { ProvinceCode = "110000", CityCode = "110100", CountyCode = "110101", Detail = "东长安街1号" };
        Assert.Empty(Problems(address));
        Assert.Equal("北京市 东城区 东长安街1号", address.FullText(Regions));
    }
}
