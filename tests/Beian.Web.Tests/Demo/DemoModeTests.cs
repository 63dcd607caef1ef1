using System.Net;
using AngleSharp.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Demo;
using Beian.Web.Features.Home;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.PublicQuery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Demo;

/// <summary>
/// The demo mode that README.md documents and black-box testers rely on: demo accounts, the
/// outbox page and the fixed captcha answer.
/// </summary>
public sealed class DemoModeTests(DemoModeTests.DemoPlatform platform) : IClassFixture<DemoModeTests.DemoPlatform>
{
    public sealed class DemoPlatform : SqlitePlatform
    {
        public const string FixedAnswer = "DEMO";

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Demo:SeedAccounts"] = "true",
            ["Captcha:FixedAnswer"] = FixedAnswer,
            ["RateLimits:LoginPerMinute"] = "1000",
        };
    }

    [Fact]
    public async Task The_demo_applicant_logs_in_with_the_fixed_captcha_answer()
    {
        using var client = platform.NewClient();
        var page = await client.GetAsync("/Accounts/Login");
        var home = await client.SubmitAsync(page, "登录", new Dictionary<string, string>
        {
            ["Login"] = "applicant", ["Password"] = DemoAccounts.Password, ["CaptchaAnswer"] = DemoPlatform.FixedAnswer,
        });
        Assert.Equal("/Home/Applicant", home.PathOf());
    }

    [Fact]
    public async Task The_demo_reviewer_belongs_to_the_xihu_unit_and_sees_the_limit_the_administrator_set()
    {
        using var admin = platform.NewClient();
        await LogInStaffAsync(admin, "admin", "13812340004");
        var edit = await admin.GetAsync("/Admin/Units/Edit/330106");
        Assert.Contains("杭州市公安局西湖区分局网安大队", edit.Text());
        var list = await admin.SubmitAsync(edit, "保存", new Dictionary<string, string>
        {
            ["ContactPhone"] = "0571-87280000", ["ReviewLimitWorkingDays"] = "7",
        });
        Assert.Equal("/Admin/Units", list.PathOf());
        Assert.Contains("已保存", list.Text());

        using var reviewer = platform.NewClient();
        var workbench = await LogInStaffAsync(reviewer, "reviewer330106", "13812340002");
        Assert.Equal("杭州市公安局西湖区分局网安大队", workbench.QuerySelector("#police-unit")!.TextContent);
        Assert.Contains("7 个工作日", workbench.Text());
        Assert.Contains("0571-87280000", workbench.Text());
    }

    [Fact]
    public async Task A_stale_edit_of_a_unit_is_refused_with_a_clear_message()
    {
        using var first = platform.NewClient();
        await LogInStaffAsync(first, "admin", "13812340004");
        var firstForm = await first.GetAsync("/Admin/Units/Edit/330102");
        var secondForm = await first.GetAsync("/Admin/Units/Edit/330102");

        await first.SubmitAsync(firstForm, "保存", new Dictionary<string, string> { ["ReviewLimitWorkingDays"] = "10" });
        var refused = await first.SubmitAsync(secondForm, "保存", new Dictionary<string, string> { ["ReviewLimitWorkingDays"] = "15" });
        Assert.Contains("已被其他管理员修改", refused.Text());
    }

    [Fact]
    public async Task An_invalid_contact_phone_is_explained_next_to_the_field()
    {
        using var admin = platform.NewClient();
        await LogInStaffAsync(admin, "admin", "13812340004");
        var edit = await admin.GetAsync("/Admin/Units/Edit/330105");
        var page = await admin.SubmitAsync(edit, "保存", new Dictionary<string, string> { ["ContactPhone"] = "010-00000000", ["ReviewLimitWorkingDays"] = "0" });
        Assert.Contains("请输入正确的电话号码", page.FieldError("ContactPhone"));
        Assert.Equal("审核时限应为1至60个工作日", page.FieldError("ReviewLimitWorkingDays"));
        Assert.Equal("010-00000000", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#ContactPhone")!.Value);
    }

    [Fact]
    public async Task The_outbox_page_lists_messages_newest_first()
    {
        using var client = platform.NewClient();
        await client.GetAsync("/dev/outbox");
        Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
    }

    [Fact]
    public async Task The_demo_filed_websites_are_found_by_the_public_query_with_numbers_of_haishu()
    {
        using var client = platform.NewClient();
        var byName = await PublicQueryFlows.ApiAsync(client, "name=" + Uri.EscapeDataString("甬上"));
        var names = byName.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).Order().ToList();
        Assert.Equal(["甬上茶事", "甬上茶器图鉴"], names);
        Assert.All(byName.GetProperty("items").EnumerateArray(), item =>
            Assert.Matches(@"^浙公网安备330203\d{8}号$", item.GetProperty("number").GetString()));

        var individual = (await PublicQueryFlows.ApiAsync(client, "domain=www.siming-photo.example")).GetProperty("items")[0];
        Assert.Equal("四明山摄影札记", individual.GetProperty("name").GetString());
        Assert.Equal("王*", individual.GetProperty("holderName").GetString());
    }

    [Fact]
    public async Task The_site_owner_sees_the_demo_websites_among_the_filed_ones()
    {
        using var client = platform.NewClient();
        await Applicants.LoginAsync(client, DemoFilings.OwnerUserName, DemoAccounts.Password);
        var websites = await client.GetAsync("/My/Websites");
        foreach (var site in DemoSubject.All.SelectMany(s => s.Sites))
            Assert.Contains(site.Name, websites.Text());
    }

    [Fact]
    public async Task The_site_owner_home_page_lists_the_newest_websites_with_their_numbers()
    {
        using var client = platform.NewClient();
        var home = await Applicants.LoginAsync(client, DemoFilings.OwnerUserName, DemoAccounts.Password);
        var widget = home.QuerySelector("#widget-Websites")!;
        var rows = widget.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(ApplicantModel.WidgetRows, rows.Count);
        Assert.All(rows, row => Assert.Matches(@"\.example\s*浙公网安备330203\d{8}号\s*已备案\s*详情", row));
        Assert.Equal("/My/Websites", widget.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Seeding_the_demo_filings_again_files_nothing_twice()
    {
        var before = await CountsAsync();
        await platform.ScopedAsync(async services => { await DemoFilings.SeedAsync(services); return true; });
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(DemoSubject.All.Sum(s => s.Sites.Count), before.Websites);
    }

    [Fact]
    public async Task The_demo_applications_pass_every_check_without_a_warning()
    {
        var findings = await platform.ScopedAsync(async services =>
        {
            var db = services.GetRequiredService<BeianDbContext>();
            var owner = await DemoOwnerIdAsync(db);
            return await db.Applications.Where(a => a.OwnerUserId == owner).Select(a => a.FindingsJson).ToListAsync();
        });
        Assert.Equal(DemoSubject.All.Count + DemoSubject.All.Sum(s => s.Sites.Count), findings.Count);
        Assert.All(findings, json => Assert.Equal("[]", json));
    }

    private Task<(int Subjects, int Websites, int Applications)> CountsAsync() => platform.ScopedAsync(async services =>
    {
        var db = services.GetRequiredService<BeianDbContext>();
        var owner = await DemoOwnerIdAsync(db);
        return (await db.Subjects.CountAsync(s => s.OwnerUserId == owner),
            await db.Websites.CountAsync(w => w.OwnerUserId == owner && w.NumberDigits != null),
            await db.Applications.CountAsync(a => a.OwnerUserId == owner));
    });

    private static Task<string> DemoOwnerIdAsync(BeianDbContext db) =>
        db.Users.Where(u => u.UserName == DemoFilings.OwnerUserName).Select(u => u.Id).SingleAsync();

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> LogInStaffAsync(PlatformClient client, string userName, string mobile)
    {
        var page = await client.GetAsync("/Accounts/Login");
        var second = await client.SubmitAsync(page, "登录", new Dictionary<string, string>
        {
            ["Login"] = userName, ["Password"] = DemoAccounts.Password, ["CaptchaAnswer"] = DemoPlatform.FixedAnswer,
        });
        second = await client.SubmitAsync(second, "发送验证码");
        var code = await OutboxReader.LatestSmsCodeAsync(platform, mobile);
        return await client.SubmitAsync(second, "验证并登录", new Dictionary<string, string> { ["Code"] = code });
    }
}

/// <summary>Login attempts per client are limited; the limit answers 429 in Chinese.</summary>
public sealed class LoginRateLimitTests(LoginRateLimitTests.LimitedPlatform platform) : IClassFixture<LoginRateLimitTests.LimitedPlatform>
{
    public sealed class LimitedPlatform : SqlitePlatform
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["RateLimits:LoginPerMinute"] = "3" };
    }

    [Fact]
    public async Task The_fourth_login_attempt_in_a_minute_is_refused()
    {
        using var client = platform.NewClient();
        for (var i = 0; i < 3; i++)
            await Applicants.LoginAsync(client, "nobody", "Wrong#Password1");
        await Applicants.LoginAsync(client, "nobody", "Wrong#Password1");
        Assert.Equal(HttpStatusCode.TooManyRequests, client.LastResponse!.StatusCode);
        Assert.Contains("操作过于频繁", await client.LastResponse.Content.ReadAsStringAsync());
    }
}
