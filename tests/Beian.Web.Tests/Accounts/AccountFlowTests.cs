using System.Net;
using AngleSharp.Dom;
using Beian.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Accounts;

/// <summary>注册 → 登录 → 信用认证, as seed 000 describes it, on each database provider.</summary>
public abstract class AccountFlowTests(PlatformFixture platform)
{
    [Fact]
    public async Task Register_login_verify_phone_and_email_raises_the_credit_level()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var applicant = Applicants.NewIdentity();

        var loginPage = await Applicants.RegisterAsync(client, applicant);
        Assert.Equal("/Accounts/Login", loginPage.PathOf());
        Assert.Contains("注册成功", loginPage.Text());

        var home = await Applicants.LoginAsync(client, applicant.Mobile, applicant.Password);
        Assert.Equal("/Home/Applicant", home.PathOf());
        Assert.Contains(applicant.UserName, home.Text());

        var credit = await client.GetAsync("/Profile/Credit");
        Assert.Equal("未认证", credit.QuerySelector("#credit-level")!.TextContent);
        credit = await client.SubmitAsync(credit, "获取短信验证码");
        Assert.Contains("短信验证码已发送", credit.Text());
        var code = await OutboxReader.LatestSmsCodeAsync(platform, applicant.Mobile);
        credit = await client.SubmitAsync(credit, "验证", new Dictionary<string, string> { ["SmsCode"] = code });
        Assert.Contains("手机验证已通过", credit.Text());
        Assert.Equal("一星信用", credit.QuerySelector("#credit-level")!.TextContent);

        credit = await client.SubmitAsync(credit, "立即验证");
        var link = await OutboxReader.LatestEmailLinkAsync(platform, applicant.Email);
        var confirmed = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Contains("邮箱验证成功", confirmed.Text());

        credit = await client.GetAsync("/Profile/Credit");
        Assert.Equal("二星信用", credit.QuerySelector("#credit-level")!.TextContent);
        Assert.Contains("未认证", credit.QuerySelector("#identity-heading")!.ParentElement!.TextContent);
        Assert.Contains("身份未认证", (await client.GetAsync("/Home/Applicant")).QuerySelector("#credit-heading")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task The_home_page_asks_for_no_credit_verification_before_a_subject_since_none_is_required()
    {
        platform.RequireAvailable();
        using var visitor = platform.NewClient();
        var advice = (await visitor.GetAsync("/")).QuerySelector(".home-cta")!.TextContent;
        Assert.DoesNotContain("完成信用认证后即可", advice);
        Assert.Contains("登录后即可新增开办主体", advice);

        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/Subjects/New?fresh=true");
        var detail = await client.SubmitAsync(form, "提交审核", Subjects.SubjectForms.Organisation(mobile: Subjects.SubjectForms.UniqueMobile()), Subjects.SubjectForms.AllFiles());
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
    }

    [Fact]
    public async Task A_wrong_sms_code_is_refused_and_a_second_code_within_60_seconds_is_refused()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var credit = await client.GetAsync("/Profile/Credit");
        credit = await client.SubmitAsync(credit, "获取短信验证码");
        credit = await client.SubmitAsync(credit, "验证", new Dictionary<string, string> { ["SmsCode"] = "000000" });
        Assert.Equal("短信验证码错误或已过期", credit.FieldError("SmsCode"));

        credit = await client.SubmitAsync(credit, "获取短信验证码");
        Assert.Matches(@"^验证码发送过于频繁，请\d+秒后再试$", credit.FieldError("SmsCode"));
    }

    [Fact]
    public async Task A_duplicate_username_or_mobile_gets_a_clear_message_and_keeps_what_was_typed()
    {
        platform.RequireAvailable();
        using var first = platform.NewClient();
        var taken = Applicants.NewIdentity();
        await Applicants.RegisterAsync(first, taken);

        using var second = platform.NewClient();
        var again = Applicants.NewIdentity() with { UserName = taken.UserName, Mobile = taken.Mobile };
        var page = await Applicants.RegisterAsync(second, again);

        Assert.Equal("/Accounts/Register", page.PathOf());
        Assert.Equal("该用户名已被注册", page.FieldError("Input.UserName"));
        Assert.Equal("该手机号码已被注册", page.FieldError("Input.Mobile"));
        Assert.Equal(again.Email, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")!.Value);
    }

    [Fact]
    public async Task A_weak_password_and_a_wrong_captcha_are_explained_next_to_their_fields()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var page = await client.GetAsync("/Accounts/Register");
        page = await client.SubmitAsync(page, "注册", new Dictionary<string, string>
        {
            ["Input.UserName"] = "weakling",
            ["Input.Password"] = "password",
            ["Input.ConfirmPassword"] = "password",
            ["Input.Mobile"] = "12345",
            ["Input.Email"] = "not-an-email",
            ["CaptchaAnswer"] = PlatformFixture.CaptchaAnswer,
        });
        Assert.Contains("至少三类", page.FieldError("Input.Password"));
        Assert.Equal("请输入11位中国大陆手机号码", page.FieldError("Input.Mobile"));
        Assert.Equal("电子邮件地址格式不正确", page.FieldError("Input.Email"));
        Assert.Equal("weakling", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_UserName")!.Value);

        var applicant = Applicants.NewIdentity();
        page = await client.SubmitAsync(page, "注册", new Dictionary<string, string>
        {
            ["Input.UserName"] = applicant.UserName,
            ["Input.Password"] = applicant.Password,
            ["Input.ConfirmPassword"] = applicant.Password,
            ["Input.Mobile"] = applicant.Mobile,
            ["Input.Email"] = applicant.Email,
            ["CaptchaAnswer"] = "WRONG",
        });
        Assert.Contains("验证码错误", page.FieldError("CaptchaAnswer"));
    }

    [Fact]
    public async Task A_form_post_without_an_antiforgery_token_is_refused()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var response = await client.PostRawAsync("/Accounts/Login", new Dictionary<string, string>
        {
            ["Login"] = "anyone",
            ["Password"] = "Whatever#2026",
            ["CaptchaAnswer"] = PlatformFixture.CaptchaAnswer,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_requires_the_old_one_and_the_new_one_works()
    {
        platform.RequireAvailable();
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var page = await client.GetAsync("/Profile/ChangePassword");
        page = await client.SubmitAsync(page, "确认修改", new Dictionary<string, string>
        {
            ["OldPassword"] = "Not#MyPassword1", ["NewPassword"] = "New#Password2026", ["ConfirmPassword"] = "New#Password2026",
        });
        Assert.Equal("原密码不正确", page.FieldError("OldPassword"));
        page = await client.SubmitAsync(page, "确认修改", new Dictionary<string, string>
        {
            ["OldPassword"] = applicant.Password, ["NewPassword"] = "New#Password2026", ["ConfirmPassword"] = "New#Password2026",
        });
        Assert.Contains("密码修改成功", page.Text());

        using var fresh = platform.NewClient();
        var home = await Applicants.LoginAsync(fresh, applicant.UserName, "New#Password2026");
        Assert.Equal("/Home/Applicant", home.PathOf());
    }

    [Fact]
    public async Task Changing_the_mobile_needs_a_code_sent_to_the_new_number()
    {
        platform.RequireAvailable();
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var newMobile = Applicants.NewIdentity().Mobile;
        var page = await client.GetAsync("/Profile/ChangeMobile");
        page = await client.SubmitAsync(page, "获取短信验证码", new Dictionary<string, string> { ["NewMobile"] = newMobile });
        Assert.Contains("短信验证码已发送", page.Text());
        var code = await OutboxReader.LatestSmsCodeAsync(platform, newMobile);
        page = await client.SubmitAsync(page, "确认修改", new Dictionary<string, string> { ["NewMobile"] = newMobile, ["SmsCode"] = code });
        Assert.True(page.PathOf() == "/Profile", page.QuerySelector(".validation-summary-errors")?.TextContent ?? page.Text());

        using var fresh = platform.NewClient();
        var home = await Applicants.LoginAsync(fresh, newMobile, applicant.Password);
        Assert.Equal("/Home/Applicant", home.PathOf());
    }

    [Fact]
    public async Task Changing_the_email_takes_effect_when_the_link_sent_to_it_is_opened()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var newEmail = $"{Guid.NewGuid():N}@example.org";
        var page = await client.GetAsync("/Profile/ChangeEmail");
        page = await client.SubmitAsync(page, "发送确认邮件", new Dictionary<string, string> { ["NewEmail"] = newEmail });
        Assert.Contains("确认邮件已发送", page.Text());

        var link = await OutboxReader.LatestEmailLinkAsync(platform, newEmail);
        var confirmed = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Contains("邮箱验证成功", confirmed.Text());
        var profile = await client.GetAsync("/Profile");
        Assert.Contains(newEmail[0] + "***@example.org", profile.Text());
    }

    [Fact]
    public async Task Emailed_links_point_to_the_configured_public_address_whatever_host_the_request_named()
    {
        platform.RequireAvailable();
        var publicBaseUrl = platform.Services.GetRequiredService<IConfiguration>()["Platform:PublicBaseUrl"];
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        client.Http.DefaultRequestHeaders.Host = "evil.example";

        await client.SubmitAsync(await client.GetAsync("/Profile/Credit"), "立即验证");
        var verify = await OutboxReader.LatestEmailLinkAsync(platform, applicant.Email);
        var newEmail = $"{Guid.NewGuid():N}@example.org";
        await client.SubmitAsync(await client.GetAsync("/Profile/ChangeEmail"), "发送确认邮件", new Dictionary<string, string> { ["NewEmail"] = newEmail });
        var change = await OutboxReader.LatestEmailLinkAsync(platform, newEmail);

        Assert.StartsWith($"{publicBaseUrl}/Profile/ConfirmEmail?", verify);
        Assert.StartsWith($"{publicBaseUrl}/Profile/ConfirmEmail?", change);
        Assert.Contains("邮箱验证成功", (await client.GetAsync(new Uri(verify).PathAndQuery)).Text());
    }

    [Fact]
    public async Task Pages_of_the_personal_centre_need_a_login()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var page = await client.GetAsync("/Profile/Credit");
        Assert.Equal("/Accounts/Login", page.PathOf());
    }
}

public sealed class AccountFlowTests_Sqlite(SqlitePlatform platform) : AccountFlowTests(platform), IClassFixture<SqlitePlatform>;

public sealed class AccountFlowTests_Postgres(PostgresPlatform platform) : AccountFlowTests(platform), IClassFixture<PostgresPlatform>;
