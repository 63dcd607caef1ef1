using Beian.Core.Filing;
using Beian.Core.MiniPrograms;
using Beian.Core.Rules;
using Beian.Core.Websites;
using static Beian.Core.Tests.MiniPrograms.MiniProgramExamples;

namespace Beian.Core.Tests.MiniPrograms;

/// <summary>小程序业务: 小程序名称, 功能介绍, 所属平台, 平台名称, 版本信息, 工信部备案号, the service declaration, 信息网络安全保护方案.</summary>
public class MiniProgramRulesTests
{
    [Fact]
    public void A_well_formed_company_mini_program_has_no_findings()
    {
        Assert.Empty(Check(CompanyMiniProgram));
    }

    [Fact]
    public void A_well_formed_personal_mini_program_has_no_findings()
    {
        Assert.Empty(Check(PersonalMiniProgram));
    }

    [Fact]
    public void Every_code_carries_the_mini_program_prefix()
    {
        var everythingWrong = new MiniProgramFacts
        {
            Naming = new FilingNameFacts { Name = "测试" },
            Platform = MiniProgramPlatform.Other,
            AppId = "has space",
            Versions = [new("?", null)],
            HasIcpNumber = true,
            IcpNumber = "浙ICP备2026055717号-3A",
            Services = new() { ProvidesInteractiveServices = true, PublishesDangerousGoods = true, HasPrePermits = true },
            Today = Today,
        };
        var findings = Check(everythingWrong);
        Assert.True(findings.Count > 10);
        Assert.All(findings, f => Assert.StartsWith("MP-", f.Code));
    }

    [Fact]
    public void Field_paths_follow_the_form()
    {
        Assert.Equal("BasicInfo.Name", MiniProgramFields.Name);
        Assert.Equal("BasicInfo.Platform", MiniProgramFields.Platform);
        Assert.Equal("BasicInfo.PlatformName", MiniProgramFields.PlatformName);
        Assert.Equal("BasicInfo.AppId", MiniProgramFields.AppId);
        Assert.Equal(ServiceFields.Introduction, MiniProgramFields.Introduction);
        Assert.Equal(ServiceFields.Versions, MiniProgramFields.Versions);
        Assert.Equal(ServiceFields.HasIcpNumber, MiniProgramFields.HasIcpNumber);
        Assert.Equal(ServiceFields.IcpNumber, MiniProgramFields.IcpNumber);
        Assert.Equal(ServiceFields.SecurityPlan, MiniProgramFields.SecurityPlan);
        Assert.Equal("BasicInfo.Versions[1].Number", MiniProgramFields.Version(1, "Number"));
        Assert.Equal(MiniProgramFields.Name, MiniProgramRules.Wording.NameField);
        Assert.Equal("MP-NAME-FAKE", MiniProgramRules.Wording.Code("NAME-FAKE"));
    }

    // 小程序名称: the shared naming rules

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void The_name_is_required(string? name)
    {
        var finding = AssertFinding(Named(name), "MP-NAME-REQUIRED", MiniProgramFields.Name);
        Assert.Equal("请填写真实的小程序名称", finding.Message);
    }

    [Fact]
    public void A_fake_name_is_refused()
    {
        var finding = AssertFinding(Named("测试"), "MP-NAME-FAKE", MiniProgramFields.Name);
        Assert.Contains("请填写真实的小程序名称", finding.Message);
    }

    [Theory]
    [InlineData("xihu.com")]
    [InlineData("西湖龙井.中国")]
    public void A_domain_is_not_a_mini_program_name(string name)
    {
        var finding = AssertFinding(Named(name), "MP-NAME-DOMAIN", MiniProgramFields.Name);
        Assert.Equal("不得以域名作为小程序名称，请填写真实的小程序名称", finding.Message);
    }

    [Theory]
    [InlineData("张伟科技有限公司", "有限公司")]
    [InlineData("西湖集团", "集团")]
    public void A_personal_mini_program_may_not_be_named_like_a_company(string name, string word)
    {
        var finding = AssertFinding(PersonNamed(name), "MP-NAME-INDIVIDUAL-ORG", MiniProgramFields.Name);
        Assert.Contains("个人小程序不得以“某某有限公司”等单位名称命名", finding.Message);
        Assert.Contains($"含有“{word}”", finding.Message);
        AssertNoFinding(Named(name), "MP-NAME-INDIVIDUAL-ORG");
    }

    // 功能介绍

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void The_introduction_is_required(string? introduction)
    {
        var finding = AssertFinding(CompanyMiniProgram with { Introduction = introduction }, "MP-INTRO-REQUIRED", MiniProgramFields.Introduction);
        Assert.Equal("请填写小程序功能介绍", finding.Message);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(501)]
    public void The_introduction_is_10_to_500_characters(int length)
    {
        var finding = AssertFinding(CompanyMiniProgram with { Introduction = Text(length) }, "MP-INTRO-LENGTH", MiniProgramFields.Introduction);
        Assert.Equal($"功能介绍应为10至500个字，当前为{length}个字", finding.Message);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(500)]
    public void Introductions_of_10_to_500_characters_pass(int length)
    {
        AssertNoFindingOn(CompanyMiniProgram with { Introduction = Text(length) }, MiniProgramFields.Introduction);
    }

    // 所属平台, 平台名称

    [Fact]
    public void The_platform_is_required()
    {
        var finding = AssertFinding(CompanyMiniProgram with { Platform = null }, "MP-PLATFORM-REQUIRED", MiniProgramFields.Platform);
        Assert.Equal("请选择所属平台", finding.Message);
    }

    [Fact]
    public void Every_platform_with_a_well_formed_id_passes()
    {
        foreach (var platform in MiniProgramPlatforms.All) Assert.Empty(Check(On(platform, WellFormedId(platform))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Another_platform_needs_its_name(string? name)
    {
        var facts = On(MiniProgramPlatform.Other, WellFormedId(MiniProgramPlatform.Other)) with { PlatformName = name };
        var finding = AssertFinding(facts, "MP-PLATFORM-NAME", MiniProgramFields.PlatformName);
        Assert.Equal("请填写平台名称", finding.Message);
    }

    [Fact]
    public void The_platform_name_is_at_most_30_characters()
    {
        var other = On(MiniProgramPlatform.Other, WellFormedId(MiniProgramPlatform.Other));
        var finding = AssertFinding(other with { PlatformName = new string('平', 31) }, "MP-PLATFORM-NAME", MiniProgramFields.PlatformName);
        Assert.Equal("平台名称不能超过30个字", finding.Message);
        AssertNoFinding(other with { PlatformName = new string('平', 30) }, "MP-PLATFORM-NAME");
        AssertNoFinding(other with { PlatformName = " 小红书 " }, "MP-PLATFORM-NAME");
    }

    [Fact]
    public void A_listed_platform_needs_no_platform_name()
    {
        Assert.Null(CompanyMiniProgram.PlatformName);
        AssertNoFinding(CompanyMiniProgram with { PlatformName = new string('平', 31) }, "MP-PLATFORM-NAME");
    }

    // 版本信息

    [Fact]
    public void At_least_one_version()
    {
        var finding = AssertFinding(CompanyMiniProgram with { Versions = [] }, "MP-VERSION-REQUIRED", MiniProgramFields.Versions);
        Assert.Equal("请填写小程序的版本信息", finding.Message);
        AssertNoFinding(CompanyMiniProgram with { Versions = [CompanyMiniProgram.Versions[0]] }, "MP-VERSION-REQUIRED");
    }

    [Theory]
    [InlineData("1.0 beta", "版本号格式不正确，如：1.0.0")]
    [InlineData("版本1.0", "版本号格式不正确，如：1.0.0")]
    [InlineData(" ", "请填写版本号")]
    public void The_version_number_must_be_well_formed(string number, string message)
    {
        var facts = CompanyMiniProgram with { Versions = [CompanyMiniProgram.Versions[0], new(number, Today)] };
        var finding = AssertFinding(facts, "MP-VERSION-NUMBER", MiniProgramFields.Version(1, "Number"));
        Assert.Equal(message, finding.Message);
    }

    [Theory]
    [InlineData("2.3.0-beta+5")]
    [InlineData("v2.3")]
    [InlineData(" 10 ")]
    public void Well_formed_version_numbers_pass(string number)
    {
        Assert.Empty(Check(CompanyMiniProgram with { Versions = [new(number, Today)] }));
    }

    [Fact]
    public void A_version_number_appears_once()
    {
        var facts = CompanyMiniProgram with { Versions = [.. CompanyMiniProgram.Versions, new(" 1.0.0", Today)] };
        var finding = AssertFinding(facts, "MP-VERSION-DUPLICATE", MiniProgramFields.Version(2, "Number"));
        Assert.Equal("版本号重复", finding.Message);
    }

    [Fact]
    public void The_release_date_is_required()
    {
        var facts = CompanyMiniProgram with { Versions = [new("1.0.0", null)] };
        var finding = AssertFinding(facts, "MP-VERSION-DATE", MiniProgramFields.Version(0, "ReleasedOn"));
        Assert.Equal("请填写发布日期", finding.Message);
    }

    [Fact]
    public void The_release_date_is_not_in_the_future()
    {
        var finding = AssertFinding(CompanyMiniProgram with { Versions = [new("1.0.0", Today.AddDays(1))] }, "MP-VERSION-DATE", MiniProgramFields.Version(0, "ReleasedOn"));
        Assert.Equal("发布日期不能晚于今天", finding.Message);
        AssertNoFinding(CompanyMiniProgram with { Versions = [new("1.0.0", Today)] }, "MP-VERSION-DATE");
    }

    // 工信部备案号

    [Fact]
    public void The_icp_choice_is_required()
    {
        var finding = AssertFinding(CompanyMiniProgram with { HasIcpNumber = null }, "MP-ICP-CHOICE", MiniProgramFields.HasIcpNumber);
        Assert.Equal("请选择是否有工信部备案号", finding.Message);
    }

    [Fact]
    public void A_mini_program_without_an_icp_number_is_a_warning()
    {
        var facts = CompanyMiniProgram with { HasIcpNumber = false, IcpNumber = null };
        var finding = AssertFinding(facts, "MP-ICP-NONE", MiniProgramFields.HasIcpNumber, Severity.Warning);
        Assert.Contains("应先向通信管理部门履行小程序备案手续", finding.Message);
        Assert.False(Check(facts).HasErrors());
    }

    [Fact]
    public void The_icp_number_is_required_when_the_mini_program_has_one()
    {
        var finding = AssertFinding(CompanyMiniProgram with { IcpNumber = " " }, "MP-ICP-REQUIRED", MiniProgramFields.IcpNumber);
        Assert.StartsWith("请填写工信部备案号", finding.Message);
    }

    [Theory]
    [InlineData("浙ICP备2026055717号-5X")]
    [InlineData("浙ICP备2026055717号-5x")]
    [InlineData(" 浙 icp备2026055717号-5X ")]
    [InlineData("粤B2-20090059-1626X")]
    public void Icp_numbers_with_the_x_suffix_pass(string number)
    {
        AssertNoFindingOn(CompanyMiniProgram with { IcpNumber = number }, MiniProgramFields.IcpNumber);
    }

    [Theory]
    [InlineData("浙ICP备2026055717号-3A")]
    [InlineData("粤B2-20090059-1626A")]
    [InlineData("浙ICP备2026055717号-5")]
    public void Icp_numbers_without_the_x_suffix_are_refused(string number)
    {
        var finding = AssertFinding(CompanyMiniProgram with { IcpNumber = number }, "MP-ICP-INVALID", MiniProgramFields.IcpNumber);
        Assert.Equal(ServiceIcpNumber.MiniProgram.FormatMessage, finding.Message);
    }

    // The service declaration

    [Fact]
    public void Interactive_types_contradict_no_interactive_services()
    {
        var facts = WithServices(CompanyMiniProgram, s => s with { ServiceTypes = [ServiceType.ChatRoom] });
        var finding = AssertFinding(facts, "MP-SERVICE-INTERACTIVE", WebsiteFields.ServiceTypes);
        Assert.Contains("聊天室", finding.Message);
        AssertNoFinding(WithServices(facts, s => s with { ProvidesInteractiveServices = true }) with { HasSecurityPlan = true }, "MP-SERVICE-INTERACTIVE");
    }

    [Fact]
    public void At_least_one_language()
    {
        var finding = AssertFinding(WithServices(CompanyMiniProgram, s => s with { Languages = [] }), "MP-LANGUAGE-REQUIRED", WebsiteFields.Languages);
        Assert.Equal("请至少选择一种小程序语种", finding.Message);
    }

    [Fact]
    public void An_organisation_portal_for_a_person_is_a_warning()
    {
        var facts = WithServices(PersonalMiniProgram, s => s with { ServiceTypes = [ServiceType.Blog, ServiceType.OrganisationPortal] });
        AssertFinding(facts, "MP-SERVICE-PORTAL-INDIVIDUAL", WebsiteFields.ServiceTypes, Severity.Warning);
        AssertNoFinding(WithServices(CompanyMiniProgram, s => s with { ServiceTypes = [ServiceType.OrganisationPortal] }), "MP-SERVICE-PORTAL-INDIVIDUAL");
    }

    // 信息网络安全保护方案

    [Fact]
    public void An_interactive_mini_program_needs_a_security_plan()
    {
        var finding = AssertFinding(PersonalMiniProgram with { HasSecurityPlan = false }, "MP-SECURITY-PLAN", MiniProgramFields.SecurityPlan);
        Assert.Equal("提供互联网交互服务的小程序，请上传信息网络安全保护方案", finding.Message);
        AssertNoFinding(PersonalMiniProgram, "MP-SECURITY-PLAN");
    }

    [Fact]
    public void A_non_interactive_mini_program_needs_no_security_plan()
    {
        Assert.False(CompanyMiniProgram.HasSecurityPlan);
        AssertNoFinding(CompanyMiniProgram, "MP-SECURITY-PLAN");
    }
}
