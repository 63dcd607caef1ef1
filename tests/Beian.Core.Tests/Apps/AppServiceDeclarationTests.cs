using Beian.Core.Apps;
using Beian.Core.Rules;
using Beian.Core.Websites;
using static Beian.Core.Tests.Apps.AppExamples;
using Fields = Beian.Core.Websites.WebsiteFields;

namespace Beian.Core.Tests.Apps;

/// <summary>服务类型, 是否提供互联网交互服务, 互联网危险物品信息, 相关前置许可, 语种 "as for websites" (SPEC §5), worded for an APP.</summary>
public class AppServiceDeclarationTests
{
    // 服务类型

    [Fact]
    public void Interactive_services_need_a_service_type()
    {
        var facts = WithServices(PersonalApp, s => s with { ServiceTypes = [] });
        var finding = AssertFinding(facts, "APP-SERVICE-TYPE-REQUIRED", Fields.ServiceTypes);
        Assert.Equal("提供互联网交互服务的，请至少勾选一项服务类型", finding.Message);

        AssertNoFinding(WithServices(CompanyApp, s => s with { ServiceTypes = [] }), "APP-SERVICE-TYPE-REQUIRED");
        AssertNoFinding(PersonalApp, "APP-SERVICE-TYPE-REQUIRED");
    }

    [Theory]
    [InlineData(ServiceType.ChatRoom, "聊天室")]
    [InlineData(ServiceType.InstantMessaging, "即时通讯")]
    [InlineData(ServiceType.Forum, "论坛bbs")]
    public void Interactive_types_contradict_no_interactive_services(ServiceType type, string name)
    {
        var facts = WithServices(CompanyApp, s => s with { ServiceTypes = [ServiceType.App, type] });
        var finding = AssertFinding(facts, "APP-SERVICE-INTERACTIVE", Fields.ServiceTypes);
        Assert.Contains(name, finding.Message);
        Assert.Contains("“是否提供互联网交互服务”应选择“是”", finding.Message);

        AssertNoFinding(WithServices(facts, s => s with { ProvidesInteractiveServices = true }) with { HasSecurityPlan = true }, "APP-SERVICE-INTERACTIVE");
    }

    [Fact]
    public void Non_interactive_types_fit_no_interactive_services()
    {
        AssertNoFinding(WithServices(CompanyApp, s => s with { ServiceTypes = [ServiceType.App, ServiceType.Games, ServiceType.OnlineShopping] }), "APP-SERVICE-INTERACTIVE");
    }

    [Fact]
    public void An_organisation_portal_for_a_person_is_a_warning()
    {
        var facts = WithServices(PersonalApp, s => s with { ServiceTypes = [ServiceType.Blog, ServiceType.OrganisationPortal] });
        AssertFinding(facts, "APP-SERVICE-PORTAL-INDIVIDUAL", Fields.ServiceTypes, Severity.Warning);
        AssertNoFinding(WithServices(CompanyApp, s => s with { ServiceTypes = [ServiceType.OrganisationPortal] }), "APP-SERVICE-PORTAL-INDIVIDUAL");
    }

    [Fact]
    public void A_forum_service_without_electronic_bulletin_is_a_warning()
    {
        var forum = WithServices(PersonalApp, s => s with { ServiceTypes = [ServiceType.Forum] });
        var finding = AssertFinding(forum, "APP-SERVICE-FORUM-PERMIT", Fields.ServiceTypes, Severity.Warning);
        Assert.Contains("电子公告", finding.Message);
        AssertNoFinding(WithPermits(forum, PrePermit.ElectronicBulletin), "APP-SERVICE-FORUM-PERMIT");
    }

    // 互联网危险物品信息

    [Fact]
    public void Dangerous_goods_need_a_kind()
    {
        var facts = WithServices(CompanyApp, s => s with { PublishesDangerousGoods = true });
        var finding = AssertFinding(facts, "APP-DANGER-KIND-REQUIRED", Fields.DangerousGoods);
        Assert.Equal("提供涉及管制物品信息发布服务的，请至少勾选一项危险物品类别", finding.Message);
        AssertNoFinding(WithServices(CompanyApp, s => s with { DangerousGoods = [] }), "APP-DANGER-KIND-REQUIRED");
    }

    [Fact]
    public void Each_dangerous_goods_kind_needs_its_qualification()
    {
        var facts = WithServices(CompanyApp, s => s with
        {
            PublishesDangerousGoods = true,
            DangerousGoods = [new(DangerousGoods.PoliceEquipment, HasQualification: true), new(DangerousGoods.ControlledKnives, HasQualification: false)],
        });
        var finding = AssertFinding(facts, "APP-DANGER-QUALIFICATION", Fields.DangerousGoods);
        Assert.Equal("请上传管制器具的资质证明", finding.Message);

        var qualified = WithServices(CompanyApp, s => s with
        {
            PublishesDangerousGoods = true,
            DangerousGoods = [new(DangerousGoods.CivilExplosives, HasQualification: true)],
        });
        Assert.Empty(Check(qualified));
    }

    // 相关前置许可

    [Fact]
    public void Pre_permits_need_a_kind()
    {
        var finding = AssertFinding(WithServices(CompanyApp, s => s with { HasPrePermits = true }), "APP-PERMIT-KIND-REQUIRED", Fields.PrePermits);
        Assert.Equal("有相关前置许可的，请至少勾选一项前置许可类别", finding.Message);
        AssertNoFinding(WithPermits(CompanyApp, PrePermit.Culture), "APP-PERMIT-KIND-REQUIRED");
    }

    [Fact]
    public void Each_pre_permit_needs_its_document()
    {
        var facts = WithServices(CompanyApp, s => s with { HasPrePermits = true, PrePermits = [new(PrePermit.Education, HasDocument: false)] });
        var finding = AssertFinding(facts, "APP-PERMIT-DOCUMENT", Fields.PrePermits);
        Assert.Equal("请上传教育前置许可的证明文件", finding.Message);
        Assert.Empty(Check(WithPermits(CompanyApp, PrePermit.Education)));
    }

    // 语种

    [Fact]
    public void At_least_one_language()
    {
        var finding = AssertFinding(WithServices(CompanyApp, s => s with { Languages = [] }), "APP-LANGUAGE-REQUIRED", Fields.Languages);
        Assert.Equal("请至少选择一种APP语种", finding.Message);
        Assert.Empty(Check(WithServices(CompanyApp, s => s with { Languages = [SiteLanguage.English, SiteLanguage.Uyghur] })));
    }

    [Fact]
    public void No_site_codes_leak_into_an_apps_findings()
    {
        var facts = WithServices(PersonalApp, s => s with
        {
            ServiceTypes = [],
            PublishesDangerousGoods = true,
            HasPrePermits = true,
            Languages = [],
        });
        var findings = Check(facts);
        Assert.Equal(
            new[] { "APP-SERVICE-TYPE-REQUIRED", "APP-DANGER-KIND-REQUIRED", "APP-PERMIT-KIND-REQUIRED", "APP-LANGUAGE-REQUIRED" },
            findings.Select(f => f.Code));
    }
}
