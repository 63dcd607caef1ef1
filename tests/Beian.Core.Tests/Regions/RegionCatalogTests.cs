using Beian.Core.Regions;

namespace Beian.Core.Tests.Regions;

public class RegionCatalogTests
{
    private static readonly RegionCatalog Catalog = RegionCatalog.Default;

    private static readonly string[] MainlandAbbreviations =
        ["京", "津", "沪", "渝", "冀", "豫", "滇", "辽", "黑", "湘", "皖", "鲁", "新", "苏", "浙", "赣",
         "鄂", "桂", "甘", "晋", "蒙", "陕", "吉", "闽", "贵", "粤", "青", "藏", "川", "宁", "琼"];

    [Fact]
    public void Codes_are_six_digits_and_unique()
    {
        Assert.All(Catalog.All, region => Assert.Matches("^[0-9]{6}$", region.Code));
        Assert.Equal(Catalog.All.Count, Catalog.All.Select(region => region.Code).Distinct().Count());
    }

    [Fact]
    public void Every_city_belongs_to_a_province_and_every_county_to_a_city()
    {
        foreach (var region in Catalog.All)
        {
            var parent = Catalog.Find(region.ParentCode);
            switch (region.Level)
            {
                case RegionLevel.Province:
                    Assert.Null(region.ParentCode);
                    break;
                case RegionLevel.City:
                    Assert.Equal(RegionLevel.Province, parent?.Level);
                    break;
                case RegionLevel.County:
                    Assert.Equal(RegionLevel.City, parent?.Level);
                    break;
            }
        }
    }

    [Fact]
    public void Codes_nest_inside_their_parents()
    {
        foreach (var region in Catalog.All.Where(region => region.Level == RegionLevel.County))
        {
            Assert.StartsWith(region.Code[..4], region.ParentCode);
        }
        foreach (var region in Catalog.All.Where(region => region.Level == RegionLevel.City))
        {
            Assert.StartsWith(region.Code[..2], region.ParentCode);
        }
    }

    [Fact]
    public void Has_all_31_mainland_provinces_each_with_its_abbreviation()
    {
        Assert.Equal(31, Catalog.Provinces.Count);
        var abbreviations = Catalog.Provinces.Select(province => province.ProvinceAbbreviation!).ToHashSet();
        Assert.Equal(MainlandAbbreviations.ToHashSet(), abbreviations);
    }

    [Fact]
    public void Has_at_least_2800_counties()
    {
        Assert.True(Catalog.All.Count(region => region.Level == RegionLevel.County) >= 2800);
    }

    [Theory]
    [InlineData("653228", "和康县")]
    [InlineData("653229", "和安县")]
    public void Includes_the_counties_created_in_December_2024(string code, string name)
    {
        var county = Catalog.Find(code);
        Assert.NotNull(county);
        Assert.Equal(name, county.Name);
        Assert.Equal("653200", county.ParentCode);
        Assert.Equal("和田地区", Catalog.Find("653200")?.Name);
        Assert.Contains(county, Catalog.ChildrenOf("653200"));
    }

    [Fact]
    public void Municipality_districts_sit_under_the_shixiaqu_city()
    {
        Assert.Equal("市辖区", Catalog.Find("110100")?.Name);
        Assert.Equal("110100", Catalog.Find("110101")?.ParentCode);
        Assert.Equal("北京市 市辖区 东城区", Catalog.FullName("110101"));
    }

    [Fact]
    public void Navigates_up_and_down_the_tree()
    {
        Assert.Equal("浙江省", Catalog.ProvinceOf("330106")?.Name);
        Assert.Equal("杭州市", Catalog.CityOf("330106")?.Name);
        Assert.Equal("杭州市", Catalog.CityOf("330100")?.Name);
        Assert.Null(Catalog.CityOf("330000"));
        Assert.Equal("浙江省 杭州市 西湖区", Catalog.FullName("330106"));
        Assert.Contains(Catalog.ChildrenOf("330100"), region => region.Name == "西湖区");
        Assert.Empty(Catalog.ChildrenOf("330106"));
    }

    [Fact]
    public void Unknown_codes_give_nothing()
    {
        Assert.Null(Catalog.Find("999999"));
        Assert.Null(Catalog.FullName("999999"));
        Assert.False(Catalog.IsCounty("999999"));
        Assert.Empty(Catalog.ChildrenOf("999999"));
    }

    [Theory]
    [InlineData("110105", true)]
    [InlineData("110100", false)]
    [InlineData("110000", false)]
    [InlineData("320576", true)]
    public void Recognises_counties(string code, bool isCounty)
    {
        Assert.Equal(isCounty, Catalog.IsCounty(code));
    }

    [Theory]
    [InlineData("110105", "京")]
    [InlineData("310115", "沪")]
    [InlineData("440300", "粤")]
    [InlineData("520000", "贵")]
    [InlineData("810000", "港")]
    [InlineData("820000", "澳")]
    [InlineData("710000", "台")]
    public void Gives_the_province_abbreviation_for_any_code(string code, string abbreviation)
    {
        Assert.Equal(abbreviation, Catalog.ProvinceAbbreviation(code));
    }

    [Theory]
    [InlineData("320576", true)]   // 苏州工业园区
    [InlineData("130171", true)]   // 石家庄高新技术产业开发区
    [InlineData("310115", false)]  // 浦东新区 is a real district
    [InlineData("120116", false)]  // 滨海新区 is a real district
    [InlineData("429021", false)]  // 神农架林区
    [InlineData("330106", false)]
    public void Flags_development_zones(string code, bool isZone)
    {
        Assert.Equal(isZone, Catalog.Find(code)?.IsDevelopmentZone);
    }

    [Fact]
    public void Cities_without_counties_are_leaves()
    {
        Assert.Equal(RegionLevel.City, Catalog.Find("441900")?.Level);
        Assert.Equal("东莞市", Catalog.Find("441900")?.Name);
        Assert.Empty(Catalog.ChildrenOf("441900"));
    }

    [Fact]
    public void Default_is_loaded_once()
    {
        Assert.Same(RegionCatalog.Default, RegionCatalog.Default);
    }
}
