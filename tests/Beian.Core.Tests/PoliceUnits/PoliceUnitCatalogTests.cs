using Beian.Core.PoliceUnits;
using Beian.Core.Regions;

namespace Beian.Core.Tests.PoliceUnits;

public class PoliceUnitCatalogTests
{
    private static readonly RegionCatalog Regions = RegionCatalog.Default;
    private static readonly PoliceUnitCatalog Units = PoliceUnitCatalog.Default;

    [Fact]
    public void Has_one_unit_per_region_plus_the_ministry()
    {
        Assert.Equal(Regions.All.Count + 1, Units.All.Count);
        Assert.All(Regions.All, region => Assert.NotNull(Units.Find(region.Code)));
        Assert.Equal("公安部网络安全保卫局", Units.Ministry.Name);
        Assert.Equal(PoliceUnitLevel.Ministry, Units.Ministry.Level);
    }

    [Fact]
    public void Every_parent_exists_one_level_up()
    {
        foreach (var unit in Units.All.Where(unit => unit.Level != PoliceUnitLevel.Ministry))
        {
            var parent = Units.Find(unit.ParentCode);
            Assert.NotNull(parent);
            Assert.Equal((int)unit.Level - 1, (int)parent.Level);
        }
    }

    [Fact]
    public void Units_have_unique_names_a_phone_and_the_default_limit()
    {
        Assert.Equal(Units.All.Count, Units.All.Select(unit => unit.Name).Distinct().Count());
        Assert.All(Units.All, unit =>
        {
            Assert.Matches(@"^0\d{2,3}-[2-9]\d{7}$", unit.ContactPhone);
            Assert.True(unit.ContactPhone.Replace("-", "").Distinct().Count() > 1);
            Assert.Equal(21, unit.ReviewLimitWorkingDays);
        });
    }

    [Theory]
    [InlineData("110000", "北京市公安局网安总队")]
    [InlineData("330000", "浙江省公安厅网安总队")]
    [InlineData("110100", "北京市公安局网安支队（市辖区）")]
    [InlineData("500200", "重庆市公安局网安支队（县）")]
    [InlineData("330100", "杭州市公安局网安支队")]
    [InlineData("653200", "和田地区公安局网安支队")]
    [InlineData("330106", "杭州市公安局西湖区分局网安大队")]
    [InlineData("110105", "北京市公安局朝阳区分局网安大队")]
    [InlineData("330122", "桐庐县公安局网安大队")]
    [InlineData("330782", "义乌市公安局网安大队")]
    [InlineData("320576", "苏州工业园区公安分局网安大队")]
    [InlineData("429021", "神农架林区公安局网安大队")]
    [InlineData("653228", "和康县公安局网安大队")]
    [InlineData("152571", "乌拉盖管理区公安分局网安大队")]
    public void Names_units_after_their_region(string code, string name)
    {
        Assert.Equal(name, Units.Find(code)?.Name);
    }

    [Fact]
    public void Ancestors_run_from_the_nearest_to_the_ministry()
    {
        var ancestors = Units.AncestorsOf("330106").Select(unit => unit.Code);
        Assert.Equal(["330100", "330000", "000000"], ancestors);
        Assert.Empty(Units.AncestorsOf("000000"));
    }

    [Theory]
    [InlineData("330106", "330106", true)]
    [InlineData("330106", "330100", true)]
    [InlineData("330106", "330000", true)]
    [InlineData("330106", "000000", true)]
    [InlineData("330106", "330200", false)]
    [InlineData("330106", "110000", false)]
    [InlineData("330100", "330106", false)]
    [InlineData("999999", "000000", false)]
    public void A_unit_is_within_itself_and_its_ancestors(string unit, string ancestor, bool within)
    {
        Assert.Equal(within, Units.IsWithin(unit, ancestor));
    }

    [Fact]
    public void Children_are_the_units_one_level_down()
    {
        Assert.Equal(31, Units.ChildrenOf("000000").Count);
        Assert.Contains(Units.ChildrenOf("653200"), unit => unit.Code == "653229");
    }

    [Theory]
    [InlineData("330106", "330106")]
    [InlineData("320576", "320576")]  // a development zone has its own unit
    [InlineData("441900", "441900")]  // 东莞市 has no counties: the city unit reviews
    [InlineData("330100", null)]
    [InlineData("330000", null)]
    [InlineData("999999", null)]
    public void Finds_the_county_unit_for_a_region(string region, string? expected)
    {
        Assert.Equal(expected, Units.CountyUnitFor(region)?.Code);
    }

    [Fact]
    public void Building_from_the_same_regions_is_deterministic()
    {
        var again = PoliceUnitCatalog.BuildDefault(Regions);
        Assert.Equal(Units.All.OrderBy(unit => unit.Code), again.All.OrderBy(unit => unit.Code));
    }
}
