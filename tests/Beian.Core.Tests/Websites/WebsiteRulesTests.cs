using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using static Beian.Core.Tests.Websites.WebsiteExamples;
using Codes = Beian.Core.Websites.WebsiteRuleCodes;
using Fields = Beian.Core.Websites.WebsiteFields;

namespace Beian.Core.Tests.Websites;

public class WebsiteRulesTests
{
    // 主域名, 从域名

    [Fact]
    public void Main_domain_is_required()
    {
        AssertFinding(CompanySite with { MainDomain = " " }, Codes.DomainRequired, Fields.MainDomain);
    }

    [Fact]
    public void A_site_without_a_domain_files_ips_only()
    {
        AssertNoFinding(CompanySite with { HasDomain = false, MainDomain = null, SubDomains = [] }, Codes.DomainRequired);
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("example")]
    [InlineData("exa_mple.com")]
    public void Main_domain_must_be_valid(string domain)
    {
        AssertFinding(CompanySite with { MainDomain = domain }, Codes.DomainInvalid, Fields.MainDomain);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("www.example.com")]
    [InlineData("example.com.cn")]
    [InlineData("例子.中国")]
    public void Main_domains_pass(string domain)
    {
        var findings = Check(CompanySite with { MainDomain = domain, SubDomains = [] });
        Assert.DoesNotContain(findings, f => f.Field == Fields.MainDomain);
    }

    [Fact]
    public void A_subdomain_as_main_domain_is_a_warning()
    {
        AssertFinding(CompanySite with { MainDomain = "shop.example.com" }, Codes.DomainNotMain, Fields.MainDomain, Severity.Warning);
    }

    [Fact]
    public void A_main_domain_filed_by_another_subject_is_refused()
    {
        var finding = AssertFinding(CompanySite with { MainDomainFiledByOtherSubject = true }, Codes.DomainFiledElsewhere, Fields.MainDomain);
        Assert.Equal("该主域名已被其他主体备案", finding.Message);
    }

    [Fact]
    public void A_bbs_main_domain_needs_electronic_bulletin()
    {
        AssertFinding(CompanySite with { MainDomain = "examplebbs.com" }, Codes.DomainBbs, Fields.MainDomain);
        AssertNoFinding(WithPermits(CompanySite with { MainDomain = "examplebbs.com" }, PrePermit.ElectronicBulletin), Codes.DomainBbs);
    }

    [Fact]
    public void A_bbs_sub_domain_needs_electronic_bulletin()
    {
        AssertFinding(CompanySite with { SubDomains = ["example.cn", "bbs.example.net"] }, Codes.DomainBbs, Fields.SubDomain(1));
    }

    [Fact]
    public void Sub_domains_must_be_valid()
    {
        AssertFinding(CompanySite with { SubDomains = ["example.cn", "https://example.net/"] }, Codes.SubDomainInvalid, Fields.SubDomain(1));
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("www.example.com")]
    [InlineData("EXAMPLE.com.")]
    public void A_sub_domain_may_not_repeat_the_main_domain(string domain)
    {
        AssertFinding(CompanySite with { SubDomains = ["example.cn", domain] }, Codes.SubDomainSameAsMain, Fields.SubDomain(1));
    }

    [Fact]
    public void Duplicate_sub_domains_are_flagged()
    {
        AssertFinding(CompanySite with { SubDomains = ["example.cn", "example.net", "www.example.cn"] },
            Codes.SubDomainDuplicate, Fields.SubDomain(2));
    }

    [Fact]
    public void The_examples_the_form_shows_pass_together()
    {
        var findings = Check(CompanySite with { MainDomain = DomainExamples.MainDomain, SubDomains = DomainExamples.SubDomains });
        Assert.Empty(findings);
        Assert.All(DomainExamples.SubDomains, example => Assert.Contains(example, DomainExamples.SubDomainHint));
        Assert.Contains(DomainExamples.MainDomain, DomainExamples.MainDomainHint);
    }

    [Fact]
    public void Distinct_sub_domains_pass()
    {
        var findings = Check(CompanySite with { SubDomains = ["example.cn", "example.net", "例子.中国"] });
        Assert.Empty(findings);
    }

    // IP

    [Fact]
    public void At_least_one_ip_is_required()
    {
        AssertFinding(CompanySite with { Ips = [] }, Codes.IpRequired, Fields.IpList);
        AssertFinding(CompanySite with { HasDomain = false, MainDomain = null, SubDomains = [], Ips = [] }, Codes.IpRequired, Fields.IpList);
    }

    [Fact]
    public void Ips_must_be_valid()
    {
        AssertFinding(CompanySite with { Ips = ["121.40.1.1", "1.2.3"] }, Codes.IpInvalid, Fields.Ip(1));
    }

    [Theory]
    [InlineData("192.168.1.10")]
    [InlineData("127.0.0.1")]
    [InlineData("fe80::1")]
    [InlineData("10.0.0.1-10.0.0.9")]
    public void Ips_must_be_public(string ip)
    {
        AssertFinding(CompanySite with { Ips = [ip] }, Codes.IpNotPublic, Fields.Ip(0));
    }

    [Fact]
    public void Ipv6_ranges_pass()
    {
        Assert.Empty(Check(CompanySite with { Ips = ["2408:4000::1-2408:4000::ff"] }));
    }

    [Fact]
    public void A_range_of_more_than_65536_addresses_is_a_warning()
    {
        AssertFinding(CompanySite with { Ips = ["121.40.0.0-121.41.0.0"] }, Codes.IpRangeLarge, Fields.Ip(0), Severity.Warning);
        AssertNoFinding(CompanySite with { Ips = ["121.40.0.0-121.40.255.255"] }, Codes.IpRangeLarge);
    }

    [Fact]
    public void Repeated_or_overlapping_ips_are_flagged()
    {
        AssertFinding(CompanySite with { Ips = ["121.40.1.1-121.40.1.9", "121.40.1.5"] }, Codes.IpDuplicate, Fields.Ip(1));
    }

    // 工信部备案号

    [Fact]
    public void The_icp_choice_is_required()
    {
        AssertFinding(CompanySite with { HasIcpNumber = null }, Codes.IcpChoiceRequired, Fields.HasIcpNumber);
    }

    [Fact]
    public void The_icp_number_is_required_when_the_site_has_one()
    {
        AssertFinding(CompanySite with { IcpNumber = "" }, Codes.IcpRequired, Fields.IcpNumber);
        AssertNoFinding(CompanySite with { HasIcpNumber = false, IcpNumber = "" }, Codes.IcpRequired);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("京ICP备123号")]
    [InlineData("京公网安备11010502000001号")]
    public void The_icp_number_must_be_well_formed(string number)
    {
        AssertFinding(CompanySite with { IcpNumber = number }, Codes.IcpInvalid, Fields.IcpNumber);
    }

    [Theory]
    [InlineData("京ICP备12345678号-2")]
    [InlineData("京ICP证030173号")]
    public void Well_formed_icp_numbers_pass(string number)
    {
        Assert.Empty(Check(CompanySite with { IcpNumber = number }));
    }

    // 网站开通日期

    [Fact]
    public void The_opening_date_is_required()
    {
        AssertFinding(CompanySite with { OpenedOn = null }, Codes.OpenedOnRequired, Fields.OpenedOn);
    }

    [Fact]
    public void The_opening_date_is_not_in_the_future()
    {
        AssertFinding(CompanySite with { OpenedOn = Today.AddDays(1) }, Codes.OpenedOnFuture, Fields.OpenedOn);
        AssertNoFinding(CompanySite with { OpenedOn = Today }, Codes.OpenedOnFuture);
    }

    [Fact]
    public void Filing_more_than_30_days_after_opening_is_a_warning()
    {
        var finding = AssertFinding(CompanySite with { OpenedOn = Today.AddDays(-31) }, Codes.OpenedOnLate, Fields.OpenedOn, Severity.Warning);
        Assert.Contains("公安部令第33号", finding.Message);
        Assert.Contains("30日内", finding.Message);
        AssertNoFinding(CompanySite with { OpenedOn = Today.AddDays(-30) }, Codes.OpenedOnLate);
    }

    // 服务类型

    [Fact]
    public void Interactive_services_need_a_service_type()
    {
        AssertFinding(WithServices(CompanySite, s => s with { ProvidesInteractiveServices = true, ServiceTypes = [] }), Codes.ServiceTypeRequired, Fields.ServiceTypes);
        AssertNoFinding(WithServices(CompanySite, s => s with { ProvidesInteractiveServices = false, ServiceTypes = [] }), Codes.ServiceTypeRequired);
    }

    [Theory]
    [InlineData(ServiceType.ChatRoom)]
    [InlineData(ServiceType.Blog)]
    [InlineData(ServiceType.InstantMessaging)]
    public void Interactive_types_contradict_no_interactive_services(ServiceType type)
    {
        AssertFinding(WithServices(CompanySite, s => s with { ProvidesInteractiveServices = false, ServiceTypes = [type] }),
            Codes.ServiceInteractiveContradiction, Fields.ServiceTypes);
        AssertNoFinding(WithServices(CompanySite, s => s with { ProvidesInteractiveServices = true, ServiceTypes = [type] }), Codes.ServiceInteractiveContradiction);
    }

    [Fact]
    public void Non_interactive_types_fit_no_interactive_services()
    {
        AssertNoFinding(WithServices(CompanySite, s => s with { ServiceTypes = [ServiceType.Www, ServiceType.OrganisationPortal] }), Codes.ServiceInteractiveContradiction);
    }

    [Fact]
    public void An_organisation_portal_for_a_person_is_a_warning()
    {
        AssertFinding(WithServices(PersonalSite, s => s with { ServiceTypes = [ServiceType.OrganisationPortal] }),
            Codes.ServicePortalForIndividual, Fields.ServiceTypes, Severity.Warning);
    }

    [Fact]
    public void A_forum_service_without_electronic_bulletin_is_a_warning()
    {
        var forum = WithServices(CompanySite, s => s with { ProvidesInteractiveServices = true, ServiceTypes = [ServiceType.Forum] });
        AssertFinding(forum, Codes.ServiceForumPermit, Fields.ServiceTypes, Severity.Warning);
        AssertNoFinding(WithPermits(forum, PrePermit.ElectronicBulletin), Codes.ServiceForumPermit);
    }

    // 互联网危险物品信息

    [Fact]
    public void Dangerous_goods_need_a_kind()
    {
        AssertFinding(WithServices(CompanySite, s => s with { PublishesDangerousGoods = true }), Codes.DangerousGoodsKindRequired, Fields.DangerousGoods);
    }

    [Fact]
    public void Each_dangerous_goods_kind_needs_its_qualification()
    {
        var facts = WithServices(CompanySite, s => s with
        {
            PublishesDangerousGoods = true,
            DangerousGoods = [new(DangerousGoods.PoliceEquipment, HasQualification: true), new(DangerousGoods.ControlledKnives, HasQualification: false)],
        });
        var finding = AssertFinding(facts, Codes.DangerousGoodsQualification, Fields.DangerousGoods);
        Assert.Equal("请上传管制器具的资质证明", finding.Message);
    }

    [Fact]
    public void Dangerous_goods_with_qualifications_pass()
    {
        var facts = WithServices(CompanySite, s => s with
        {
            PublishesDangerousGoods = true,
            DangerousGoods = [new(DangerousGoods.CivilExplosives, HasQualification: true)],
        });
        Assert.Empty(Check(facts));
    }

    // 相关前置许可

    [Fact]
    public void Pre_permits_need_a_kind()
    {
        AssertFinding(WithServices(CompanySite, s => s with { HasPrePermits = true }), Codes.PrePermitKindRequired, Fields.PrePermits);
    }

    [Fact]
    public void Each_pre_permit_needs_its_document()
    {
        var facts = WithServices(CompanySite, s => s with { HasPrePermits = true, PrePermits = [new(PrePermit.Education, HasDocument: false)] });
        var finding = AssertFinding(facts, Codes.PrePermitDocument, Fields.PrePermits);
        Assert.Contains("教育", finding.Message);
        Assert.Empty(Check(WithPermits(CompanySite, PrePermit.Education)));
    }

    // 网站语种

    [Fact]
    public void At_least_one_language()
    {
        AssertFinding(WithServices(CompanySite, s => s with { Languages = [] }), Codes.LanguageRequired, Fields.Languages);
        Assert.Empty(Check(WithServices(CompanySite, s => s with { Languages = [SiteLanguage.English, SiteLanguage.Uyghur] })));
    }

    // Display names

    [Fact]
    public void Display_names_follow_the_form()
    {
        Assert.Equal(30, ServiceTypes.All.Count);
        Assert.Equal("论坛bbs", ServiceType.Forum.DisplayName());
        Assert.Equal(ServiceType.FtpDownload, ServiceTypes.FromDisplayName("FTP下载"));
        Assert.Equal(7, DangerousGoodsKinds.All.Count);
        Assert.Equal("易制爆危险化学品", DangerousGoods.ExplosivePrecursorChemicals.DisplayName());
        Assert.Equal(10, PrePermits.All.Count);
        Assert.Equal(PrePermit.DrugsAndMedicalDevices, PrePermits.FromDisplayName("药品和医疗器械"));
        Assert.Equal(15, SiteLanguages.All.Count);
        Assert.Equal("朝鲜语", SiteLanguage.Korean.DisplayName());
        Assert.True(ServiceType.ChatRoom.IsInteractive());
        Assert.False(ServiceType.Www.IsInteractive());
    }

    [Fact]
    public void The_keyword_data_loads()
    {
        var keywords = WebsiteKeywords.Default;
        Assert.NotEmpty(keywords.PublicAffairsWords);
        Assert.Contains(keywords.PermitWords, words => words.Permit == PrePermit.News);
        Assert.Contains(ServiceType.Forum, keywords.InteractiveServiceTypes);
        Assert.Contains("com.cn", PublicSuffixes.Default.All);
    }
}
