using System.Text.RegularExpressions;
using Beian.E2E.Infrastructure;
using Beian.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Beian.E2E.Admin;

/// <summary>
/// 民警账号管理 in a browser: the administrator logs in with the SMS second factor, opens
/// 民警账号管理, presses 【新增民警】, picks 浙江省 → 杭州市 → 西湖区 in the 所属单位 selects (filled by
/// unit-picker.js as the choice is made) and saves; the officer is in the list. A 上级单位 at a
/// county is refused next to 角色. The officer then logs in with the password from the SMS and
/// must choose their own before reaching 工作台.
/// </summary>
public sealed partial class PoliceUserFlowTests(PlatformServer server, BrowserFixture browser) : BrowserTest(server, browser)
{

    [Fact]
    public async Task The_administrator_creates_an_officer_for_a_county_with_the_unit_selects()
    {
        var admin = await StaffBrowser.CreateAsync(Server, Roles.Administrator, null, "平台管理员");
        await StaffBrowser.LogInAsync(Page, admin, "/Admin");
        await Page.GetByRole(AriaRole.Link, new() { Name = "民警账号管理", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "民警账号管理" })).ToBeVisibleAsync();
        await ScreenshotAsync("1-list-empty");

        await Page.GetByRole(AriaRole.Link, new() { Name = "新增民警", Exact = true }).ClickAsync();
        var userName = "e2ep" + Suffix();
        var mobile = "135" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        await Label("用户名").FillAsync(userName);
        await Label("姓名").FillAsync("赵警官");
        await Label("手机号码").FillAsync(mobile);
        await Label("电子邮件地址").FillAsync(userName + "@police.example");
        await ChooseUnitAsync("浙江省", "杭州市", "西湖区");
        await Expect(Page.Locator("[data-unit-chosen]")).ToHaveTextAsync("所选单位：浙江省 › 杭州市 › 西湖区");

        // A 上级单位 at a county: refused next to 角色, the choices stay.
        await Page.GetByLabel("上级单位", new() { Exact = true }).CheckAsync();
        await Button("保存并发送初始密码").ClickAsync();
        await Expect(Page.Locator("[data-valmsg-for='Input.Role']")).ToHaveTextAsync("所选单位没有下级单位，不能设为上级单位，请选择审核民警");
        await Expect(Label("区县级单位")).ToHaveValueAsync("330106");
        await Expect(Page.Locator("[data-unit-chosen]")).ToContainTextAsync("杭州市公安局西湖区分局网安大队");
        await ScreenshotAsync("2-form-refused");

        await Page.GetByLabel("审核民警", new() { Exact = true }).CheckAsync();
        await Button("保存并发送初始密码").ClickAsync();
        await Expect(Page.Locator("#notice")).ToContainTextAsync("初始密码已通过短信发送");
        await Expect(Page.Locator("#police-user-unit")).ToHaveTextAsync("杭州市公安局西湖区分局网安大队");
        await ScreenshotAsync("3-edit");

        await Page.GetByRole(AriaRole.Link, new() { Name = "返回", Exact = true }).ClickAsync();
        var row = Page.Locator($"tr[data-user-name='{userName}']");
        await Expect(row).ToContainTextAsync("审核民警");
        await Expect(row).ToContainTextAsync(mobile[..3] + "****" + mobile[7..]);
        await ScreenshotAsync("4-list");

        // The filter's selects cascade the same way.
        await Page.GetByLabel("省级单位", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "浙江省" });
        await Expect(Page.GetByLabel("地市级单位", new() { Exact = true }).Locator("option", new() { HasText = "杭州市" })).ToBeAttachedAsync();
        await Page.GetByLabel("地市级单位", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "杭州市" });
        await Button("查询").ClickAsync();
        await Expect(row).ToBeVisibleAsync();
        await ScreenshotAsync("5-list-filtered");

        // The officer logs in with the password from the SMS and is asked to choose their own first.
        var password = InitialPassword().Match(await StaffBrowser.OutboxBodyAsync(Page, mobile)).Groups[1].Value;
        await Button("退出").ClickAsync();
        await StaffBrowser.LogInAsync(Page, new StaffLogin(userName, password, mobile), "/Profile/ChangePassword");
        await Expect(Page.Locator("#must-change-password")).ToBeVisibleAsync();
        await ScreenshotAsync("6-first-login");
        await Label("原密码").FillAsync(password);
        await Label("新密码").FillAsync("Officer#E2e2026");
        await Label("确认新密码").FillAsync("Officer#E2e2026");
        await Button("确认修改").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/Police$", RegexOptions.IgnoreCase));
        await Expect(Page.Locator("#police-unit")).ToHaveTextAsync("杭州市公安局西湖区分局网安大队");
    }

    private async Task ChooseUnitAsync(string province, string city, string county)
    {
        var citySelect = Label("地市级单位");
        var countySelect = Label("区县级单位");
        await Label("省级单位").SelectOptionAsync(new SelectOptionValue { Label = province });
        await Expect(citySelect.Locator("option", new() { HasText = city })).ToBeAttachedAsync();
        await citySelect.SelectOptionAsync(new SelectOptionValue { Label = city });
        await Expect(countySelect.Locator("option", new() { HasText = county })).ToBeAttachedAsync();
        await countySelect.SelectOptionAsync(new SelectOptionValue { Label = county });
    }

    private ILocator Label(string text) => Page.GetByLabel(text, new() { Exact = true });

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];

    [GeneratedRegex("初始密码：([^，]{12})，")]
    private static partial Regex InitialPassword();
}
