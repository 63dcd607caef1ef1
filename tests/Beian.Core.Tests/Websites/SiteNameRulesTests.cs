using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using static Beian.Core.Tests.Websites.WebsiteExamples;
using Codes = Beian.Core.Websites.WebsiteRuleCodes;
using Fields = Beian.Core.Websites.WebsiteFields;

namespace Beian.Core.Tests.Websites;

public class SiteNameRulesTests
{
    [Fact]
    public void A_well_formed_company_site_has_no_findings()
    {
        Assert.Empty(Check(CompanySite));
    }

    [Fact]
    public void A_well_formed_personal_site_has_no_findings()
    {
        Assert.Empty(Check(PersonalSite));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Name_is_required(string? name)
    {
        AssertFinding(Named(name!), Codes.NameRequired, Fields.Name);
    }

    [Theory]
    [InlineData("某")]
    [InlineData("这是一个名字特别特别长的网站名称这是一个名字特别特别长的网站名称这是一个名字特别特别长的网站名称这是一个名字")]
    public void Name_is_2_to_50_characters(string name)
    {
        AssertFinding(Named(name), Codes.NameLength, Fields.Name);
    }

    [Theory]
    [InlineData("西湖")]
    [InlineData("张伟的个人网站名称可以有五十个字")]
    public void Names_of_2_to_50_characters_pass(string name)
    {
        AssertNoFinding(PersonalSite with { Name = name }, Codes.NameLength);
    }

    [Theory]
    [InlineData("测试")]
    [InlineData("测试网站一")]
    [InlineData("test site")]
    [InlineData("1111")]
    [InlineData("无")]
    [InlineData("暂无")]
    [InlineData("aaaa")]
    [InlineData("12345678")]
    public void Fake_names_are_errors(string name)
    {
        AssertFinding(Named(name), Codes.NameFake, Fields.Name);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("www.example.cn")]
    [InlineData("http://西湖")]
    [InlineData("西湖龙井.中国")]
    [InlineData("西湖龙井.公司")]
    public void A_domain_is_not_a_name(string name)
    {
        AssertFinding(Named(name), Codes.NameDomain, Fields.Name);
    }

    [Theory]
    [InlineData("xihu-tea.de", "xihu-tea.de")]
    [InlineData("XIHU-TEA.DE", "xihu-tea.de")]
    [InlineData("www.xihu-tea.de", "xihu-tea.de")]
    [InlineData("xihu-tea.ch", "xihu-tea.de")] // a 从域名 of the site
    public void A_name_that_is_the_sites_own_domain_is_refused_whatever_its_top_level_domain(string name, string mainDomain)
    {
        var site = Named(name) with { MainDomain = mainDomain, SubDomains = ["xihu-tea.ch"] };
        var finding = AssertFinding(site, Codes.NameDomain, Fields.Name);
        Assert.Equal("不得以域名作为网站名称，请填写真实的网站名称", finding.Message);
    }

    [Fact]
    public void A_name_with_a_dot_that_is_not_the_sites_domain_passes()
    {
        AssertNoFinding(Named("Node.js学习笔记") with { MainDomain = "nodejs-notes.de" }, Codes.NameDomain);
    }

    [Theory]
    [InlineData("张伟科技有限公司")]
    [InlineData("西湖集团")]
    [InlineData("摄影爱好者协会")]
    [InlineData("西湖数据中心")]
    [InlineData("西湖研究院")]
    [InlineData("张伟官网")]
    public void A_personal_site_may_not_be_named_like_an_organisation(string name)
    {
        AssertFinding(PersonalSite with { Name = name }, Codes.NameOrganisationForIndividual, Fields.Name);
    }

    [Fact]
    public void An_organisation_may_use_organisation_words()
    {
        AssertNoFinding(Named("西湖科技有限公司官网"), Codes.NameOrganisationForIndividual);
    }

    [Theory]
    [InlineData("西湖市人民政府")]
    [InlineData("西湖公安信息网")]
    [InlineData("西湖监察在线")]
    [InlineData("西湖法院公告")]
    public void Public_affairs_words_are_for_government_only(string name)
    {
        AssertFinding(Named(name), Codes.NamePublicAffairs, Fields.Name);
        AssertFinding(PersonalSite with { Name = name }, Codes.NamePublicAffairs, Fields.Name);
    }

    [Fact]
    public void A_government_agency_may_use_public_affairs_words()
    {
        var facts = Named("西湖市人民政府") with { OrganisationKind = OrganisationKind.GovernmentAgency, SubjectName = "西湖市人民政府办公室" };
        AssertNoFinding(facts, Codes.NamePublicAffairs);
    }

    [Fact]
    public void A_public_institution_with_public_affairs_words_is_a_warning()
    {
        var facts = Named("西湖市政府信息中心") with { OrganisationKind = OrganisationKind.PublicInstitution };
        AssertFinding(facts, Codes.NamePublicAffairs, Fields.Name, Severity.Warning);
    }

    [Theory]
    [InlineData("中国西湖网")]
    [InlineData("中华西湖网")]
    [InlineData("全国西湖平台")]
    [InlineData("国家西湖网")]
    [InlineData("消费者维权之家")]
    public void Non_national_subjects_may_not_use_national_prefixes(string name)
    {
        AssertFinding(Named(name), Codes.NameNational, Fields.Name);
    }

    [Fact]
    public void National_subjects_may_use_national_prefixes()
    {
        AssertNoFinding(Named("中国西湖网") with { SubjectIsNationalLevel = true }, Codes.NameNational);
        AssertNoFinding(Named("中国西湖网") with { SubjectName = "中国西湖集团有限公司" }, Codes.NameNational);
    }

    [Fact]
    public void A_person_named_like_a_national_subject_is_still_not_national()
    {
        AssertFinding(PersonalSite with { Name = "中华美食网", SubjectIsNationalLevel = true }, Codes.NameNational, Fields.Name);
    }

    [Theory]
    [InlineData("西湖新闻网", PrePermit.News)]
    [InlineData("西湖出版在线", PrePermit.Publishing)]
    [InlineData("西湖教育", PrePermit.Education)]
    [InlineData("西湖职业培训", PrePermit.Education)]
    [InlineData("西湖医院", PrePermit.Healthcare)]
    [InlineData("西湖健康咨询", PrePermit.Healthcare)]
    [InlineData("西湖医疗器械", PrePermit.DrugsAndMedicalDevices)]
    [InlineData("西湖大药房", PrePermit.DrugsAndMedicalDevices)]
    [InlineData("西湖文化", PrePermit.Culture)]
    [InlineData("西湖电影", PrePermit.RadioFilmTelevision)]
    [InlineData("西湖广电", PrePermit.RadioFilmTelevision)]
    public void Field_words_need_the_matching_pre_permit(string name, PrePermit permit)
    {
        var finding = AssertFinding(Named(name), Codes.NamePermitWord, Fields.Name);
        Assert.Contains(permit.DisplayName(), finding.Message);
        AssertNoFinding(WithPermits(Named(name), permit), Codes.NamePermitWord);
    }

    [Fact]
    public void A_declared_permit_without_the_yes_flag_does_not_count()
    {
        var facts = WithServices(WithPermits(Named("西湖新闻网"), PrePermit.News), s => s with { HasPrePermits = false });
        AssertFinding(facts, Codes.NamePermitWord, Fields.Name);
    }

    [Fact]
    public void Excluded_words_are_not_field_words()
    {
        AssertNoFinding(Named("西湖农药供应"), Codes.NamePermitWord);
    }

    [Theory]
    [InlineData("西湖论坛")]
    [InlineData("西湖社区")]
    [InlineData("西湖BBS")]
    public void Forum_names_need_electronic_bulletin(string name)
    {
        AssertFinding(Named(name), Codes.NameForum, Fields.Name);
        AssertNoFinding(WithPermits(Named(name), PrePermit.ElectronicBulletin), Codes.NameForum);
    }

    [Theory]
    [InlineData("Vue.js中文文档")]
    [InlineData("西湖龙井茶叶")]
    [InlineData("张伟的摄影作品集")]
    [InlineData("Java学习笔记")]
    public void Real_names_pass_the_format_rules(string name)
    {
        var findings = Check(PersonalSite with { Name = name });
        Assert.DoesNotContain(findings, f => f.Code is Codes.NameFake or Codes.NameDomain or Codes.NameLength or Codes.NameRequired);
    }
}
