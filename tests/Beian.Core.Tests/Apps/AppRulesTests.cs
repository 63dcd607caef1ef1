using Beian.Core.Filing;
using Beian.Core.Apps;
using Beian.Core.Rules;
using static Beian.Core.Tests.Apps.AppExamples;

namespace Beian.Core.Tests.Apps;

/// <summary>SPEC §5 APP业务: 功能介绍, 运行截图, 版本信息, 分发渠道, 工信部APP备案号, 用户量, 运营情况, 信息网络安全保护方案.</summary>
public class AppRulesTests
{
    [Fact]
    public void A_well_formed_company_app_has_no_findings()
    {
        Assert.Empty(Check(CompanyApp));
    }

    [Fact]
    public void A_well_formed_personal_app_has_no_findings()
    {
        Assert.Empty(Check(PersonalApp));
    }

    [Fact]
    public void An_app_on_every_platform_has_no_findings()
    {
        var facts = CompanyApp with
        {
            Platforms = [Android, Ios, HarmonyOs, Other],
            Versions =
            [
                new(AppPlatform.Android, "1.0.0", Today), new(AppPlatform.Ios, "1.0.0", Today),
                new(AppPlatform.HarmonyOs, "1.0.0", Today), new(AppPlatform.Other, "1.0.0", Today),
            ],
        };
        Assert.Empty(Check(facts));
    }

    [Fact]
    public void Every_code_carries_the_app_prefix()
    {
        var everythingWrong = new AppFacts
        {
            Platforms = [new(AppPlatform.Android, "com", null, "xyz")],
            Versions = [new(null, "?", null)],
            Channels = [new(null, "ftp://x")],
            Services = new() { ProvidesInteractiveServices = true, PublishesDangerousGoods = true, HasPrePermits = true },
            Today = Today,
        };
        var findings = Check(everythingWrong);
        Assert.True(findings.Count > 10);
        Assert.All(findings, f => Assert.StartsWith("APP-", f.Code));
    }

    [Fact]
    public void Field_paths_follow_the_form()
    {
        Assert.Equal("BasicInfo.Android.Identifier", AppFields.Identifier(AppPlatform.Android));
        Assert.Equal("BasicInfo.Ios.PublicKey", AppFields.PublicKey(AppPlatform.Ios));
        Assert.Equal("BasicInfo.HarmonyOs.Fingerprint", AppFields.Fingerprint(AppPlatform.HarmonyOs));
        Assert.Equal("BasicInfo.Versions[1].Number", AppFields.Version(1, "Number"));
        Assert.Equal("BasicInfo.Channels[0].Url", AppFields.Channel(0, "Url"));
    }

    // 功能介绍

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_introduction_is_required(string? introduction)
    {
        var finding = AssertFinding(CompanyApp with { Introduction = introduction }, "APP-INTRO-REQUIRED", AppFields.Introduction);
        Assert.Equal("请填写APP功能介绍", finding.Message);
        AssertNoFinding(CompanyApp with { Introduction = introduction }, "APP-INTRO-LENGTH");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(501)]
    [InlineData(2000)]
    public void The_introduction_is_10_to_500_characters(int length)
    {
        var finding = AssertFinding(CompanyApp with { Introduction = Text(length) }, "APP-INTRO-LENGTH", AppFields.Introduction);
        Assert.Equal($"功能介绍应为10至500个字，当前为{length}个字", finding.Message);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(499)]
    [InlineData(500)]
    public void Introductions_of_10_to_500_characters_pass(int length)
    {
        AssertNoFindingOn(CompanyApp with { Introduction = Text(length) }, AppFields.Introduction);
    }

    [Fact]
    public void Surrounding_spaces_do_not_count()
    {
        AssertFinding(CompanyApp with { Introduction = "   " + Text(9) + "   " }, "APP-INTRO-LENGTH", AppFields.Introduction);
        AssertNoFindingOn(CompanyApp with { Introduction = "   " + Text(10) + "   " }, AppFields.Introduction);
    }

    // APP运行截图

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(6)]
    public void Three_to_five_screenshots(int count)
    {
        var finding = AssertFinding(CompanyApp with { ScreenshotCount = count }, "APP-SCREENSHOTS", AppFields.Screenshots);
        Assert.Equal($"请上传3至5张APP运行截图，当前{count}张", finding.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Three_to_five_screenshots_pass(int count)
    {
        AssertNoFinding(CompanyApp with { ScreenshotCount = count }, "APP-SCREENSHOTS");
    }

    // 版本信息

    [Fact]
    public void A_version_is_for_a_ticked_platform()
    {
        var unticked = CompanyApp with { Versions = [.. CompanyApp.Versions, new(AppPlatform.HarmonyOs, "1.0.0", Today)] };
        var finding = AssertFinding(unticked, "APP-VERSION-PLATFORM", AppFields.Version(2, "Platform"));
        Assert.Equal("请选择已勾选的平台", finding.Message);

        var unchosen = CompanyApp with { Versions = [.. CompanyApp.Versions, new(null, "1.0.1", Today)] };
        AssertFinding(unchosen, "APP-VERSION-PLATFORM", AppFields.Version(2, "Platform"));

        AssertNoFinding(CompanyApp with { Versions = [.. CompanyApp.Versions, new(AppPlatform.Ios, "1.0.1", Today)] }, "APP-VERSION-PLATFORM");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void The_version_number_is_required(string? number)
    {
        var facts = CompanyApp with { Versions = [CompanyApp.Versions[0], new(AppPlatform.Ios, number, Today)] };
        var finding = AssertFinding(facts, "APP-VERSION-NUMBER", AppFields.Version(1, "Number"));
        Assert.Equal("请填写版本号", finding.Message);
    }

    [Theory]
    [InlineData("版本1.0")]
    [InlineData("1.0 beta")]
    [InlineData(".1.0")]
    [InlineData("-1.0")]
    [InlineData("1.0/2")]
    [InlineData("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0")]
    public void The_version_number_must_be_well_formed(string number)
    {
        var facts = CompanyApp with { Versions = [new(AppPlatform.Android, number, Today), CompanyApp.Versions[1]] };
        var finding = AssertFinding(facts, "APP-VERSION-NUMBER", AppFields.Version(0, "Number"));
        Assert.Equal("版本号格式不正确，如：1.0.0", finding.Message);
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("10")]
    [InlineData("v2.3")]
    [InlineData("2.3.0-beta+5")]
    [InlineData("1.0.0_rc1")]
    [InlineData(" 1.0.0 ")]
    public void Well_formed_version_numbers_pass(string number)
    {
        var facts = CompanyApp with { Versions = [new(AppPlatform.Android, number, Today), CompanyApp.Versions[1]] };
        Assert.Empty(Check(facts));
    }

    [Fact]
    public void A_version_number_appears_once_per_platform()
    {
        var facts = CompanyApp with { Versions = [.. CompanyApp.Versions, new(AppPlatform.Android, " 1.0.0", Today)] };
        var finding = AssertFinding(facts, "APP-VERSION-DUPLICATE", AppFields.Version(2, "Number"));
        Assert.Equal("同一平台的版本号重复", finding.Message);
    }

    [Fact]
    public void The_same_version_number_on_two_platforms_passes()
    {
        Assert.Equal(CompanyApp.Versions[0].Number, CompanyApp.Versions[1].Number);
        AssertNoFinding(CompanyApp, "APP-VERSION-DUPLICATE");
        AssertNoFinding(CompanyApp with { Versions = [.. CompanyApp.Versions, new(AppPlatform.Android, "1.0.1", Today)] }, "APP-VERSION-DUPLICATE");
    }

    [Fact]
    public void The_release_date_is_required()
    {
        var facts = CompanyApp with { Versions = [CompanyApp.Versions[0], new(AppPlatform.Ios, "1.0.0", null)] };
        var finding = AssertFinding(facts, "APP-VERSION-DATE", AppFields.Version(1, "ReleasedOn"));
        Assert.Equal("请填写发布日期", finding.Message);
    }

    [Fact]
    public void The_release_date_is_not_in_the_future()
    {
        var tomorrow = CompanyApp with { Versions = [new(AppPlatform.Android, "1.0.0", Today.AddDays(1)), CompanyApp.Versions[1]] };
        var finding = AssertFinding(tomorrow, "APP-VERSION-DATE", AppFields.Version(0, "ReleasedOn"));
        Assert.Equal("发布日期不能晚于今天", finding.Message);

        AssertNoFinding(CompanyApp with { Versions = [new(AppPlatform.Android, "1.0.0", Today), CompanyApp.Versions[1]] }, "APP-VERSION-DATE");
    }

    [Fact]
    public void Every_ticked_platform_needs_a_version()
    {
        var facts = CompanyApp with { Versions = [CompanyApp.Versions[0]] };
        var finding = AssertFinding(facts, "APP-VERSION-REQUIRED", AppFields.Versions);
        Assert.Equal("请填写iOS的版本信息", finding.Message);

        var none = Check(CompanyApp with { Versions = [] }).Where(f => f.Code == "APP-VERSION-REQUIRED").Select(f => f.Message);
        Assert.Equal(new[] { "请填写Android的版本信息", "请填写iOS的版本信息" }, none.Order());
    }

    [Fact]
    public void A_version_of_an_unticked_platform_does_not_count_for_a_ticked_one()
    {
        var facts = CompanyApp with { Versions = [CompanyApp.Versions[0], new(AppPlatform.HarmonyOs, "1.0.0", Today)] };
        AssertFinding(facts, "APP-VERSION-REQUIRED", AppFields.Versions);
        AssertFinding(facts, "APP-VERSION-PLATFORM", AppFields.Version(1, "Platform"));
    }

    // 分发渠道

    [Fact]
    public void At_least_one_channel()
    {
        var finding = AssertFinding(CompanyApp with { Channels = [] }, "APP-CHANNEL-REQUIRED", AppFields.Channels);
        Assert.Contains("请至少填写一个分发渠道", finding.Message);
        AssertNoFinding(CompanyApp with { Channels = [CompanyApp.Channels[1]] }, "APP-CHANNEL-REQUIRED");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void The_store_is_required(string? store)
    {
        var facts = CompanyApp with { Channels = [CompanyApp.Channels[0], new(store, "https://example.com/app.apk")] };
        var finding = AssertFinding(facts, "APP-CHANNEL-STORE", AppFields.Channel(1, "Store"));
        Assert.Equal("请填写应用市场名称", finding.Message);
    }

    [Fact]
    public void The_store_name_is_at_most_50_characters()
    {
        var finding = AssertFinding(CompanyApp with { Channels = [new(new string('店', 51), "https://example.com/app.apk")] },
            "APP-CHANNEL-STORE", AppFields.Channel(0, "Store"));
        Assert.Equal("应用市场名称不能超过50个字", finding.Message);
        AssertNoFinding(CompanyApp with { Channels = [new(new string('店', 50), "https://example.com/app.apk")] }, "APP-CHANNEL-STORE");
    }

    [Theory]
    [InlineData("ftp://example.com/app.apk")]
    [InlineData("example.com")]
    [InlineData("example.com/app.apk")]
    [InlineData("https://localhost")]
    [InlineData("http://app/download")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///tmp/app.apk")]
    [InlineData("https://")]
    public void The_download_url_is_an_http_or_https_address(string url)
    {
        var facts = CompanyApp with { Channels = [CompanyApp.Channels[0], new("小米应用商店", url)] };
        var finding = AssertFinding(facts, "APP-CHANNEL-URL", AppFields.Channel(1, "Url"));
        Assert.Equal("下载地址应为以http://或https://开头的完整网址", finding.Message);
    }

    [Theory]
    [InlineData("https://example.com")]
    [InlineData("http://example.com/app.apk")]
    [InlineData("HTTPS://Example.COM/Download?id=1")]
    [InlineData("https://appgallery.huawei.com/#/app/C100000001")]
    [InlineData("http://例子.中国/下载")]
    [InlineData("  https://example.com/app.apk  ")]
    public void Http_and_https_addresses_pass(string url)
    {
        AssertNoFinding(CompanyApp with { Channels = [new("小米应用商店", url)] }, "APP-CHANNEL-URL");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void The_download_url_is_required(string? url)
    {
        var finding = AssertFinding(CompanyApp with { Channels = [new("小米应用商店", url)] }, "APP-CHANNEL-URL", AppFields.Channel(0, "Url"));
        Assert.Equal("请填写下载地址", finding.Message);
    }

    [Fact]
    public void The_download_url_is_at_most_500_characters()
    {
        const string start = "https://example.com/";
        Assert.Equal("下载地址不能超过500个字符", AppRules.DownloadUrlProblem(start + new string('a', 500 - start.Length + 1)));
        Assert.Null(AppRules.DownloadUrlProblem(start + new string('a', 500 - start.Length)));
    }

    // 工信部APP备案号

    [Fact]
    public void The_icp_choice_is_required()
    {
        var finding = AssertFinding(CompanyApp with { HasIcpNumber = null }, "APP-ICP-CHOICE", AppFields.HasIcpNumber);
        Assert.Equal("请选择是否有工信部APP备案号", finding.Message);
        AssertNoFinding(CompanyApp with { HasIcpNumber = null }, "APP-ICP-INVALID");
    }

    [Fact]
    public void An_app_without_an_icp_number_is_a_warning()
    {
        var facts = CompanyApp with { HasIcpNumber = false, IcpNumber = null };
        var finding = AssertFinding(facts, "APP-ICP-NONE", AppFields.HasIcpNumber, Severity.Warning);
        Assert.Contains("应先向通信管理部门履行APP备案手续", finding.Message);
        Assert.False(Check(facts).HasErrors());
        AssertNoFinding(CompanyApp, "APP-ICP-NONE");
    }

    [Fact]
    public void The_icp_number_is_required_when_the_app_has_one()
    {
        var finding = AssertFinding(CompanyApp with { IcpNumber = " " }, "APP-ICP-REQUIRED", AppFields.IcpNumber);
        Assert.StartsWith("请填写工信部APP备案号", finding.Message);
        AssertNoFinding(CompanyApp with { HasIcpNumber = false, IcpNumber = " " }, "APP-ICP-REQUIRED");
        AssertNoFinding(CompanyApp with { IcpNumber = " " }, "APP-ICP-INVALID");
    }

    [Theory]
    [InlineData("浙ICP备2026055717号-3A")]
    [InlineData("浙ICP备2026055717号-3a")]
    [InlineData("浙ICP备２０２６０５５７１７号－３Ａ")]
    [InlineData(" 浙 icp备2026055717号-3A ")]
    [InlineData("京ICP备12345678号-12A")]
    [InlineData("粤B2-20090059-1626A")]
    [InlineData("粤B2-20090059")]
    public void Well_formed_app_icp_numbers_pass(string number)
    {
        AssertNoFindingOn(CompanyApp with { IcpNumber = number }, AppFields.IcpNumber);
    }

    [Theory]
    [InlineData("浙ICP备2026055717号-3")]
    [InlineData("京ICP备12345678号")]
    [InlineData("京ICP证030173号")]
    [InlineData("浙ICP备2026055717号-0A")]
    [InlineData("浙ICP备2026055717号-3X")]
    [InlineData("粤B2-20090059-1626")]
    [InlineData("粤B2-2009005")]
    [InlineData("京公网安备11010502000001号")]
    [InlineData("2026055717")]
    public void Other_numbers_are_not_app_icp_numbers(string number)
    {
        var finding = AssertFinding(CompanyApp with { IcpNumber = number }, "APP-ICP-INVALID", AppFields.IcpNumber);
        Assert.Equal(ServiceIcpNumber.App.FormatMessage, finding.Message);
    }

    // 当前用户量, 运营情况

    [Fact]
    public void Every_user_scale_of_the_form_passes()
    {
        Assert.Equal(5, AppUserScales.All.Count);
        foreach (var scale in AppUserScales.All) AssertNoFinding(CompanyApp with { UserScale = scale }, "APP-USERS");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("很多")]
    [InlineData("10000")]
    [InlineData(" 1万以下")]
    public void The_user_scale_is_one_of_the_form(string? scale)
    {
        var finding = AssertFinding(CompanyApp with { UserScale = scale }, "APP-USERS", AppFields.UserScale);
        Assert.Equal("请选择当前用户量", finding.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Operations_are_required(string? operations)
    {
        var finding = AssertFinding(CompanyApp with { Operations = operations }, "APP-OPERATIONS", AppFields.Operations);
        Assert.Equal("请填写运营情况", finding.Message);
    }

    [Fact]
    public void Operations_are_at_most_200_characters()
    {
        var finding = AssertFinding(CompanyApp with { Operations = Text(201) }, "APP-OPERATIONS", AppFields.Operations);
        Assert.Equal("运营情况不能超过200个字", finding.Message);
        AssertNoFinding(CompanyApp with { Operations = Text(200) }, "APP-OPERATIONS");
        AssertNoFinding(CompanyApp with { Operations = "自运营" }, "APP-OPERATIONS");
    }

    // 信息网络安全保护方案

    [Fact]
    public void An_interactive_app_needs_a_security_plan()
    {
        var finding = AssertFinding(PersonalApp with { HasSecurityPlan = false }, "APP-SECURITY-PLAN", AppFields.SecurityPlan);
        Assert.Equal("提供互联网交互服务的APP，请上传信息网络安全保护方案", finding.Message);
        AssertNoFinding(PersonalApp, "APP-SECURITY-PLAN");
    }

    [Fact]
    public void A_non_interactive_app_needs_no_security_plan()
    {
        Assert.False(CompanyApp.HasSecurityPlan);
        Assert.False(CompanyApp.Services.ProvidesInteractiveServices);
        AssertNoFinding(CompanyApp, "APP-SECURITY-PLAN");
    }
}
