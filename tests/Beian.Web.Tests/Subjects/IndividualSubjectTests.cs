using Beian.Web.Tests.Infrastructure;

namespace Beian.Web.Tests.Subjects;

/// <summary>A 个人 subject: no 主办单位 section, jurisdiction by the residence, person-name rules.</summary>
public abstract class IndividualSubjectTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_individual_files_with_the_principal_fields_only_and_is_reviewed_where_they_live()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var fields = Individual();
        var form = await client.GetAsync("/Subjects/New?fresh=true");
        var files = SubjectForms.AllFiles();
        files.Remove("Uploads.Licence.File");
        var detail = await client.SubmitAsync(form, "提交审核", fields, files);

        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        Assert.Contains("杭州市公安局上城区分局网安大队", detail.Text());
        Assert.DoesNotContain("主办单位名称", detail.Text());
    }

    [Fact]
    public async Task An_individual_may_not_use_a_company_like_name_or_a_placeholder_name()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/Subjects/New?fresh=true");
        var fields = Individual();
        fields["Form.Principal.Name"] = "王先生";
        var page = await client.SubmitAsync(form, "提交审核", fields);
        Assert.NotEqual(string.Empty, page.FieldError("Form.Principal.Name"));
        Assert.Equal("王先生", (page.QuerySelector("[name='Form.Principal.Name']") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value);
    }

    private static Dictionary<string, string> Individual() => new()
    {
        ["Form.Nature"] = "Individual",
        ["Form.Principal.Name"] = "陈静",
        ["Form.Principal.CertificateType"] = "ResidentIdCard",
        ["Form.Principal.CertificateNumber"] = "330106199003071236",
        ["Form.Principal.CertificateLongTerm"] = "false",
        ["Form.Principal.CertificateValidUntil"] = "2034-03-07",
        ["Form.Principal.ResidenceAddress.ProvinceCode"] = "330000",
        ["Form.Principal.ResidenceAddress.CityCode"] = "330100",
        ["Form.Principal.ResidenceAddress.CountyCode"] = "330102",
        ["Form.Principal.ResidenceAddress.Detail"] = "解放路88号2幢301室",
        ["Form.Principal.Mobile"] = SubjectForms.UniqueMobile(),
        ["Form.Principal.Email"] = "chenjing@example.com",
    };
}

public sealed class IndividualSubjectTests_Sqlite(SqlitePlatform platform) : IndividualSubjectTests(platform), IClassFixture<SqlitePlatform>;

public sealed class IndividualSubjectTests_Postgres(PostgresPlatform platform) : IndividualSubjectTests(platform), IClassFixture<PostgresPlatform>;
