using Beian.Web.Features.Shared;
using Microsoft.AspNetCore.Http;

namespace Beian.Web.Tests.Shared;

public class NavigationTests
{
    [Fact]
    public void Unavailable_item_links_to_the_building_page_with_dashes()
    {
        // Every item of the menus has shipped; an item not yet available would link so.
        var item = new MenuItem("应用市场业务", "/AppStores");

        Assert.False(item.Available);
        Assert.Equal("/Unavailable/AppStores", item.Href);
        Assert.All(Leaves(Navigation.ApplicantMenu), leaf => Assert.True(leaf.Available, leaf.Title));
    }

    [Fact]
    public void Available_item_links_to_itself()
    {
        Assert.Equal("/", Navigation.Find("/")!.Href);
        Assert.Equal("/Profile/ChangePassword", Navigation.HrefOf("/Profile/ChangePassword"));
    }

    [Fact]
    public void Unknown_feature_has_no_title()
    {
        Assert.Null(Navigation.TitleOf("No-Such-Thing"));
        Assert.Null(Navigation.TitleOf(null));
    }

    [Fact]
    public void Every_leaf_path_is_unique_within_its_menu_and_titled()
    {
        foreach (var menu in new[] { Navigation.PublicMenu, Navigation.ApplicantMenu, Navigation.PoliceMenu, Navigation.AdminMenu })
        {
            var leaves = Leaves(menu).ToList();
            Assert.Equal(leaves.Count, leaves.Select(i => i.Path.ToLowerInvariant()).Distinct().Count());
            Assert.All(leaves, i => Assert.False(string.IsNullOrWhiteSpace(i.Title)));
            Assert.All(leaves, i => Assert.StartsWith("/", i.Path));
        }
    }

    [Theory]
    [InlineData("/Police", "工作台")]
    [InlineData("/Police/Queue", "待审核申请")]
    [InlineData("/Police/Queue/42", "待审核申请")]
    [InlineData("/police/queue/", "待审核申请")]
    [InlineData("/Unavailable/Police-Statistics", "统计分析")]
    [InlineData("/Profile/ChangeEmail", "个人中心")]
    public void Police_menu_highlights_the_longest_matching_item(string path, string expected)
    {
        Assert.Equal(expected, Navigation.FindActive(Navigation.PoliceMenu, new PathString(path))?.Title);
    }

    [Theory]
    [InlineData("/", "首页")]
    [InlineData("/Public/Query", "公共查询")]
    [InlineData("/Accounts/Login", null)]
    public void Home_matches_only_itself(string path, string? expected)
    {
        Assert.Equal(expected, Navigation.FindActive(Navigation.PublicMenu, new PathString(path))?.Title);
    }

    [Fact]
    public void Group_containing_the_active_item_is_known()
    {
        var active = Navigation.FindActive(Navigation.ApplicantMenu, new PathString("/Websites/Change/7"));
        var websites = Navigation.ApplicantMenu.Single(i => i.Title == "网站业务");
        var mine = Navigation.ApplicantMenu.Single(i => i.Title == "我的");

        Assert.Equal("变更网站", active?.Title);
        Assert.True(Navigation.Contains(websites, active));
        Assert.False(Navigation.Contains(mine, active));
    }

    [Theory]
    [InlineData("/Reporting/Providers", "我的 > 我的服务商")]
    [InlineData("/Reporting/AppStores", "我的 > 我的应用市场")]
    [InlineData("/Reporting/Providers/Apply", "服务商业务 > 申请服务商")]
    [InlineData("/Apps/Unfiled", "APP业务 > 未备案APP")]
    [InlineData("/Home/Applicant", "主页")]
    [InlineData("/Police/Queue", "")]
    public void A_page_is_placed_under_the_groups_of_its_menu_item(string path, string expected)
    {
        var place = Navigation.PlaceOf(Navigation.ApplicantMenu, new PathString(path));

        Assert.Equal(expected, string.Join(" > ", place.Select(item => item.Title)));
    }

    private static IEnumerable<MenuItem> Leaves(IEnumerable<MenuItem> items) =>
        items.SelectMany(i => i.IsGroup ? Leaves(i.Children!) : [i]);
}
