using Beian.Core.Regions;
using Beian.Core.Reporting;
using Beian.Core.Rules;

namespace Beian.Core.Tests.Reporting;

public class ReporterRulesTests
{
    private static readonly ReporterFacts Provider = new(ReporterRole.ServiceProvider, SubjectIsOrganisation: true,
        ProviderServices.Idc | ProviderServices.Cdn, "B1-20160211", "330106", "张三", "13800138000");

    private static readonly ReporterFacts Store = Provider with
    {
        Role = ReporterRole.AppStore, Services = ProviderServices.None, LicenceNumber = "浙B2-20080224",
    };

    private static IReadOnlyList<Finding> Check(ReporterFacts facts) => ReporterRules.Check(facts, RegionCatalog.Default);

    private static Finding Single(ReporterFacts facts, string code)
    {
        var finding = Assert.Single(Check(facts));
        Assert.Equal(code, finding.Code);
        Assert.True(finding.IsError);
        return finding;
    }

    [Fact]
    public void A_complete_provider_and_a_complete_store_pass()
    {
        Assert.Empty(Check(Provider));
        Assert.Empty(Check(Store));
    }

    [Theory]
    [InlineData(ReporterRole.ServiceProvider, "服务商须由单位主体申请，个人主体不能申请")]
    [InlineData(ReporterRole.AppStore, "应用市场须由单位主体申请，个人主体不能申请")]
    public void A_personal_subject_is_refused(ReporterRole role, string message)
    {
        var facts = (role == ReporterRole.ServiceProvider ? Provider : Store) with { SubjectIsOrganisation = false };
        var finding = Single(facts, "REPORTER-SUBJECT");
        Assert.Equal(ReporterFields.Subject, finding.Field);
        Assert.Equal(message, finding.Message);
    }

    [Fact]
    public void A_provider_must_name_a_service_and_a_store_need_not()
    {
        var finding = Single(Provider with { Services = ProviderServices.None }, "REPORTER-SERVICES");
        Assert.Equal(ReporterFields.Services, finding.Field);
        Assert.Equal("请至少选择一种服务类型", finding.Message);
        Assert.Empty(Check(Store with { Services = ProviderServices.None }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void The_licence_number_is_required(string? licence)
    {
        var finding = Single(Provider with { LicenceNumber = licence }, "REPORTER-LICENCE-REQUIRED");
        Assert.Equal(ReporterFields.Licence, finding.Field);
        Assert.Equal("请填写增值电信业务经营许可证编号", finding.Message);
    }

    [Theory]
    [InlineData(ReporterRole.ServiceProvider, "许可证编号格式不正确，应如“B1-20160211”或“浙B1-20080224”")]
    [InlineData(ReporterRole.AppStore, "许可证编号格式不正确，应如“B2-20160211”或“浙B2-20080224”")]
    public void A_malformed_licence_number_is_refused_with_an_example_of_the_role_s_category(ReporterRole role, string message)
    {
        var facts = (role == ReporterRole.ServiceProvider ? Provider : Store) with { LicenceNumber = "B1-2016" };
        Assert.Equal(message, Single(facts, "REPORTER-LICENCE-FORMAT").Message);
    }

    [Theory]
    [InlineData("B2-20160211")]
    [InlineData("浙A2-20080224")]
    public void A_provider_needs_a_B1_licence(string licence)
    {
        var finding = Single(Provider with { LicenceNumber = licence }, "REPORTER-LICENCE-CATEGORY");
        Assert.Equal("IDC、云服务、CDN和接入服务须持有第一类增值电信业务（B1）经营许可证", finding.Message);
    }

    [Theory]
    [InlineData("B1-20160211")]
    [InlineData("浙A1-20080224")]
    public void A_store_needs_a_B2_licence(string licence)
    {
        var finding = Single(Store with { LicenceNumber = licence }, "REPORTER-LICENCE-CATEGORY");
        Assert.Equal("应用市场须持有第二类增值电信业务（B2）经营许可证", finding.Message);
    }

    [Fact]
    public void The_licence_is_read_as_people_type_it()
    {
        Assert.Empty(Check(Provider with { LicenceNumber = " 浙b1－20160211 " }));
        Assert.Equal("B1", ReporterRules.RequiredCategory(ReporterRole.ServiceProvider));
        Assert.Equal("B2", ReporterRules.RequiredCategory(ReporterRole.AppStore));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("999999")]
    [InlineData("abc")]
    [InlineData("330000")]
    [InlineData("330100")]
    public void A_known_county_is_required(string? region)
    {
        var finding = Single(Provider with { RegionCode = region }, "REPORTER-REGION-REQUIRED");
        Assert.Equal(ReporterFields.Region, finding.Field);
        Assert.Equal("请选择经营地址所在的省份、城市和区县", finding.Message);
    }

    [Theory]
    [InlineData("110101")]
    [InlineData("441900")]
    public void A_county_or_a_city_without_counties_is_a_region(string region)
    {
        Assert.Empty(Check(Provider with { RegionCode = region }));
    }

    [Theory]
    [InlineData(null, "REPORTER-CONTACT-REQUIRED", "请填写业务联系人姓名")]
    [InlineData("   ", "REPORTER-CONTACT-REQUIRED", "请填写业务联系人姓名")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "REPORTER-CONTACT-LENGTH", "业务联系人姓名不能超过30个字")]
    public void The_contact_name_is_required_and_short(string? name, string code, string message)
    {
        var finding = Single(Provider with { ContactName = name }, code);
        Assert.Equal(ReporterFields.ContactName, finding.Field);
        Assert.Equal(message, finding.Message);
    }

    [Fact]
    public void A_contact_name_of_thirty_characters_with_spaces_around_passes()
    {
        Assert.Empty(Check(Provider with { ContactName = "  " + new string('名', ReporterRules.MaxContactName) + "  " }));
    }

    [Theory]
    [InlineData(null, "REPORTER-MOBILE-REQUIRED", "请填写业务联系人手机号码")]
    [InlineData("", "REPORTER-MOBILE-REQUIRED", "请填写业务联系人手机号码")]
    [InlineData("1380013800", "REPORTER-MOBILE-FORMAT", "手机号码格式不正确，应为11位数字")]
    [InlineData("0571-88888888", "REPORTER-MOBILE-FORMAT", "手机号码格式不正确，应为11位数字")]
    [InlineData("23800138000", "REPORTER-MOBILE-FORMAT", "手机号码格式不正确，应为11位数字")]
    public void The_contact_mobile_is_required_and_a_mobile_number(string? mobile, string code, string message)
    {
        var finding = Single(Provider with { ContactMobile = mobile }, code);
        Assert.Equal(ReporterFields.ContactMobile, finding.Field);
        Assert.Equal(message, finding.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var findings = Check(new ReporterFacts(ReporterRole.ServiceProvider, false, ProviderServices.None, null, null, null, null));
        Assert.Equal(
            ["REPORTER-SUBJECT", "REPORTER-SERVICES", "REPORTER-LICENCE-REQUIRED", "REPORTER-REGION-REQUIRED", "REPORTER-CONTACT-REQUIRED", "REPORTER-MOBILE-REQUIRED"],
            findings.Select(f => f.Code));
    }
}
