using Beian.Core.Filing;
using Beian.Core.MiniPrograms;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Websites;

namespace Beian.Core.Tests.MiniPrograms;

/// <summary>Well-formed 小程序 that pass every rule of <see cref="MiniProgramRules"/>; each test changes one thing with <c>with</c>.</summary>
internal static class MiniProgramExamples
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static readonly MiniProgramFacts CompanyMiniProgram = new()
    {
        Naming = new FilingNameFacts
        {
            SubjectNature = SubjectNature.Organisation,
            OrganisationKind = OrganisationKind.Enterprise,
            SubjectName = "杭州西湖网络科技有限公司",
            Name = "西湖记账",
        },
        Introduction = "一款记录日常收支的记账小程序，支持分类统计、预算提醒和月度报表。",
        Platform = MiniProgramPlatform.WeChat,
        AppId = "wx1234567890abcdef",
        Versions = [new("1.0.0", Today.AddDays(-30)), new("1.0.1", Today.AddDays(-3))],
        HasIcpNumber = true,
        IcpNumber = "浙ICP备2026055717号-5X",
        Services = new ServiceDeclarationFacts
        {
            ProvidesInteractiveServices = false,
            ServiceTypes = [ServiceType.App],
            Languages = [SiteLanguage.SimplifiedChinese],
        },
        HasSecurityPlan = false,
        Today = Today,
    };

    /// <summary>A 个人's interactive 小程序 on 抖音, with its 信息网络安全保护方案.</summary>
    public static readonly MiniProgramFacts PersonalMiniProgram = CompanyMiniProgram with
    {
        Naming = new FilingNameFacts { SubjectNature = SubjectNature.Individual, SubjectName = "张伟", Name = "张伟的读书笔记" },
        Platform = MiniProgramPlatform.Douyin,
        AppId = "tt79ef0f52e78e857401",
        Versions = [new("0.9.1", Today)],
        Services = new ServiceDeclarationFacts
        {
            ProvidesInteractiveServices = true,
            ServiceTypes = [ServiceType.Blog],
            Languages = [SiteLanguage.SimplifiedChinese],
        },
        HasSecurityPlan = true,
    };

    /// <summary>A well-formed identifier of each platform (百度's and 其他's are free text).</summary>
    public static string WellFormedId(MiniProgramPlatform platform) =>
        platform.IdentifierExample() ?? (platform == MiniProgramPlatform.Baidu ? "17745127" : "69b9576cdb45760001d82e15");

    /// <summary>The company 小程序 on <paramref name="platform"/> with <paramref name="appId"/> (a 平台名称 for 其他).</summary>
    public static MiniProgramFacts On(MiniProgramPlatform platform, string? appId) => CompanyMiniProgram with
    {
        Platform = platform,
        PlatformName = platform == MiniProgramPlatform.Other ? "小红书" : null,
        AppId = appId,
    };

    public static MiniProgramFacts Named(string? name) => CompanyMiniProgram with { Naming = CompanyMiniProgram.Naming with { Name = name } };

    public static MiniProgramFacts PersonNamed(string? name) => PersonalMiniProgram with { Naming = PersonalMiniProgram.Naming with { Name = name } };

    public static MiniProgramFacts WithServices(MiniProgramFacts facts, Func<ServiceDeclarationFacts, ServiceDeclarationFacts> change) =>
        facts with { Services = change(facts.Services) };

    public static IReadOnlyList<Finding> Check(MiniProgramFacts facts) => MiniProgramRules.Check(facts);

    /// <summary>The only finding with <paramref name="code"/>, asserted to be on <paramref name="field"/> with the severity.</summary>
    public static Finding AssertFinding(MiniProgramFacts facts, string code, string field, Severity severity = Severity.Error)
    {
        var findings = Check(facts);
        var finding = Assert.Single(findings, f => f.Code == code);
        Assert.Equal(field, finding.Field);
        Assert.Equal(severity, finding.Severity);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        return finding;
    }

    public static void AssertNoFinding(MiniProgramFacts facts, string code)
    {
        var findings = Check(facts);
        Assert.DoesNotContain(findings, f => f.Code == code);
    }

    public static void AssertNoFindingOn(MiniProgramFacts facts, string field)
    {
        var findings = Check(facts);
        Assert.DoesNotContain(findings, f => f.Field == field);
    }

    /// <summary>A text of exactly <paramref name="length"/> characters.</summary>
    public static string Text(int length) => string.Concat(Enumerable.Repeat("记账小程序介绍", length / 7 + 1))[..length];
}
