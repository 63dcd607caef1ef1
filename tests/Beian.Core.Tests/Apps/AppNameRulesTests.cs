using Beian.Core.Apps;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using static Beian.Core.Tests.Apps.AppExamples;

namespace Beian.Core.Tests.Apps;

/// <summary>APP名称: the website naming rules of SPEC §10 through <see cref="Filing.NameRules"/>, worded for an APP.</summary>
public class AppNameRulesTests
{
    [Fact]
    public void The_name_field_is_the_apps()
    {
        Assert.Equal("BasicInfo.Name", AppFields.Name);
        Assert.Equal(AppFields.Name, AppRules.Wording.NameField);
        Assert.Equal("APP-NAME-FAKE", AppRules.Wording.Code("NAME-FAKE"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Name_is_required(string? name)
    {
        var finding = AssertFinding(Named(name), "APP-NAME-REQUIRED", AppFields.Name);
        Assert.Equal("请填写真实的APP名称", finding.Message);
    }

    [Fact]
    public void Name_is_2_to_50_characters()
    {
        var fifty = string.Concat(Enumerable.Repeat("西湖记账本", 10));
        Assert.Equal(50, fifty.Length);

        var finding = AssertFinding(Named("账"), "APP-NAME-LENGTH", AppFields.Name);
        Assert.Equal("APP名称应为2至50个字符", finding.Message);
        AssertFinding(Named(fifty + "册"), "APP-NAME-LENGTH", AppFields.Name);

        AssertNoFinding(Named("记账"), "APP-NAME-LENGTH");
        AssertNoFinding(Named(fifty), "APP-NAME-LENGTH");
    }

    [Theory]
    [InlineData("测试")]
    [InlineData("测试APP")]
    [InlineData("无")]
    [InlineData("暂无")]
    [InlineData("demo")]
    [InlineData("1111")]
    [InlineData("aaaa")]
    public void Fake_names_are_errors(string name)
    {
        var finding = AssertFinding(Named(name), "APP-NAME-FAKE", AppFields.Name);
        Assert.Contains("请填写真实的APP名称", finding.Message);
    }

    [Theory]
    [InlineData("xihu.com")]
    [InlineData("www.example.cn")]
    [InlineData("https://xihu")]
    [InlineData("西湖龙井.中国")]
    public void A_domain_is_not_an_app_name(string name)
    {
        var finding = AssertFinding(Named(name), "APP-NAME-DOMAIN", AppFields.Name);
        Assert.Equal("不得以域名作为APP名称，请填写真实的APP名称", finding.Message);
    }

    [Theory]
    [InlineData("张伟科技有限公司", "有限公司")]
    [InlineData("西湖集团", "集团")]
    [InlineData("摄影爱好者协会", "协会")]
    [InlineData("张伟官方", "官方")]
    public void A_personal_app_may_not_be_named_like_a_company(string name, string word)
    {
        var finding = AssertFinding(PersonNamed(name), "APP-NAME-INDIVIDUAL-ORG", AppFields.Name);
        Assert.Contains("个人APP不得以“某某有限公司”等单位名称命名", finding.Message);
        Assert.Contains($"含有“{word}”", finding.Message);
    }

    [Fact]
    public void A_company_app_may_carry_its_company_name()
    {
        AssertNoFinding(Named("西湖科技有限公司"), "APP-NAME-INDIVIDUAL-ORG");
        AssertNoFinding(PersonalApp, "APP-NAME-INDIVIDUAL-ORG");
    }

    [Theory]
    [InlineData("西湖市人民政府")]
    [InlineData("西湖公安")]
    [InlineData("西湖法院公告")]
    public void Public_affairs_words_are_for_government_only(string name)
    {
        var finding = AssertFinding(Named(name), "APP-NAME-PUBLIC-AFFAIRS", AppFields.Name);
        Assert.Contains("非政府机构或非政府授权机构的APP", finding.Message);
        AssertFinding(PersonNamed(name), "APP-NAME-PUBLIC-AFFAIRS", AppFields.Name);
    }

    [Fact]
    public void A_government_agency_may_use_public_affairs_words()
    {
        var facts = Named("西湖市人民政府") with
        {
            Naming = Named("西湖市人民政府").Naming with { OrganisationKind = OrganisationKind.GovernmentAgency, SubjectName = "西湖市人民政府办公室" },
        };
        AssertNoFinding(facts, "APP-NAME-PUBLIC-AFFAIRS");
    }

    [Fact]
    public void A_public_institution_with_public_affairs_words_is_a_warning()
    {
        var facts = Named("西湖政府服务") with
        {
            Naming = Named("西湖政府服务").Naming with { OrganisationKind = OrganisationKind.PublicInstitution },
        };
        var finding = AssertFinding(facts, "APP-NAME-PUBLIC-AFFAIRS", AppFields.Name, Severity.Warning);
        Assert.Contains("请核实主办单位是否为政府授权机构", finding.Message);
    }

    [Theory]
    [InlineData("中国记账", "中国")]
    [InlineData("中华美食", "中华")]
    [InlineData("全国记账", "全国")]
    [InlineData("国家记账", "国家")]
    [InlineData("消费者维权", "维权")]
    public void A_non_national_unit_may_not_use_national_prefixes(string name, string word)
    {
        var finding = AssertFinding(Named(name), "APP-NAME-NATIONAL", AppFields.Name);
        Assert.Contains("非国家级单位的APP，不得以“中国”“中华”“维权”等字头命名", finding.Message);
        Assert.Contains($"含有“{word}”", finding.Message);
    }

    [Fact]
    public void A_national_unit_may_use_national_prefixes()
    {
        var named = Named("中国记账");
        AssertNoFinding(named with { Naming = named.Naming with { SubjectIsNationalLevel = true } }, "APP-NAME-NATIONAL");
        AssertNoFinding(named with { Naming = named.Naming with { SubjectName = "中国西湖集团有限公司" } }, "APP-NAME-NATIONAL");
    }

    [Fact]
    public void A_person_is_never_a_national_unit()
    {
        var named = PersonNamed("中华美食");
        AssertFinding(named with { Naming = named.Naming with { SubjectIsNationalLevel = true } }, "APP-NAME-NATIONAL", AppFields.Name);
    }

    [Fact]
    public void Prefixes_count_only_at_the_start()
    {
        AssertNoFinding(Named("西湖中国风壁纸"), "APP-NAME-NATIONAL");
    }

    [Theory]
    [InlineData("西湖新闻", "新闻", PrePermit.News)]
    [InlineData("西湖网校", "网校", PrePermit.Education)]
    [InlineData("西湖问诊", "问诊", PrePermit.Healthcare)]
    [InlineData("西湖大药房", "药房", PrePermit.DrugsAndMedicalDevices)]
    [InlineData("西湖文化", "文化", PrePermit.Culture)]
    [InlineData("西湖影视", "影视", PrePermit.RadioFilmTelevision)]
    [InlineData("西湖出版", "出版", PrePermit.Publishing)]
    public void Field_words_need_the_matching_pre_permit(string name, string word, PrePermit permit)
    {
        var finding = AssertFinding(Named(name), "APP-NAME-PERMIT-WORD", AppFields.Name);
        Assert.Contains($"无{permit.DisplayName()}前置审批或专项审批的APP", finding.Message);
        Assert.Contains($"含有“{word}”", finding.Message);

        AssertNoFinding(WithPermits(Named(name), permit), "APP-NAME-PERMIT-WORD");
    }

    [Fact]
    public void Another_permit_does_not_allow_a_field_word()
    {
        AssertFinding(WithPermits(Named("西湖新闻"), PrePermit.Education), "APP-NAME-PERMIT-WORD", AppFields.Name);
    }

    [Fact]
    public void Excluded_words_are_not_field_words()
    {
        AssertNoFinding(Named("西湖农药助手"), "APP-NAME-PERMIT-WORD");
    }

    [Theory]
    [InlineData("西湖论坛")]
    [InlineData("西湖社区")]
    [InlineData("西湖贴吧")]
    public void Forum_names_need_electronic_bulletin(string name)
    {
        var finding = AssertFinding(Named(name), "APP-NAME-FORUM", AppFields.Name);
        Assert.Contains("未取得电子公告专项审批的，不得以“论坛”命名", finding.Message);
        AssertNoFinding(WithPermits(Named(name), PrePermit.ElectronicBulletin), "APP-NAME-FORUM");
    }

    [Theory]
    [InlineData("西湖记账")]
    [InlineData("铁路12306")]
    [InlineData("WPS Office")]
    [InlineData("高德地图")]
    [InlineData("张伟的读书笔记")]
    public void Real_app_names_pass(string name)
    {
        Assert.DoesNotContain(Check(Named(name)), f => f.Code.StartsWith("APP-NAME-", StringComparison.Ordinal));
    }

    [Fact]
    public void Name_findings_carry_the_app_prefix_not_the_sites()
    {
        var findings = Check(PersonNamed("中国新闻论坛有限公司"));
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.StartsWith("APP-", f.Code));
        Assert.DoesNotContain(findings, f => f.Message.Contains("网站名称"));
    }
}
