using Beian.E2E.Infrastructure;

namespace Beian.E2E.Home;

public sealed class HomePageTests(PlatformServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    [Fact]
    public async Task Home_page_shows_the_platform_name_in_the_title()
    {
        var response = await Page.GotoAsync("/");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("全国互联网安全管理服务平台"));
    }
}
