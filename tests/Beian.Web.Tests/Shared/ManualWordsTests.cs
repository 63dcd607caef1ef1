using AngleSharp.Dom;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Beian.Web.Tests.Websites;

namespace Beian.Web.Tests.Shared;

/// <summary>The newest manual's words (seed 004) where a person following it looks for them: labels, buttons, 业务类型.</summary>
public abstract class ManualWordsTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_subject_form_labels_its_detailed_addresses_as_seed_004_does()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/Subjects/New?fresh=true");

        Assert.Equal("单位办公详细地址", LabelOf(form, "Form.Organisation.OfficeAddress.Detail"));
        Assert.Equal("单位注册详细地址", LabelOf(form, "Form.Organisation.RegisteredAddress.Detail"));
        Assert.Equal("负责人常住详细地址", LabelOf(form, "Form.Principal.ResidenceAddress.Detail"));
        Assert.Equal("身份证人像面", LabelOf(form, "Uploads.IdFront"));
        Assert.Equal("身份证国徽面", LabelOf(form, "Uploads.IdBack"));
        Assert.Equal("身份证手持", LabelOf(form, "Uploads.IdHandheld"));
    }

    [Fact]
    public async Task The_people_step_labels_certificates_and_identity_images_as_seed_004_does()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var step3 = await client.GetAsync("/Websites/New?step=3");

        Assert.Equal("负责人证件类型", LabelOf(step3, "People.SecurityOfficer.CertificateType"));
        Assert.Equal("负责人证件号码", LabelOf(step3, "People.SecurityOfficer.CertificateNumber"));
        Assert.Equal("联络人证件类型", LabelOf(step3, "People.EmergencyContact.CertificateType"));
        Assert.Equal("联络人证件号码", LabelOf(step3, "People.EmergencyContact.CertificateNumber"));
        Assert.Equal("身份证人像面", LabelOf(step3, "Uploads[EmergencyContact-IdFront]"));
        Assert.Equal("身份证国徽面", LabelOf(step3, "Uploads[EmergencyContact-IdBack]"));
    }

    [Fact]
    public async Task My_applications_names_each_business_type_as_the_manual_does()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        await WebsiteFlows.FileWebsiteAsync(client, $"xm{Guid.NewGuid():N}"[..12] + ".com");

        var list = await client.GetAsync("/My/Applications");

        Assert.Contains(list.QuerySelectorAll("tbody tr td"), cell => cell.TextContent.Trim() == "新办网站申请");
        var types = list.QuerySelectorAll("select[name=type] option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("新办APP申请", types);
        Assert.Contains("新办小程序申请", types);
        Assert.Contains("变更网站", types);
    }

    [Fact]
    public async Task No_button_or_link_carries_the_manuals_button_brackets()
    {
        platform.RequireAvailable();
        using var visitor = platform.NewClient();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/Subjects/New?fresh=true");
        var withFiles = await client.SubmitAsync(form, "提交审核", new Dictionary<string, string>(), SubjectForms.AllFiles());
        Assert.NotEmpty(withFiles.QuerySelectorAll(".upload-preview"));

        foreach (var page in new[] { await visitor.GetAsync("/"), withFiles, await client.GetAsync("/Home/Applicant") })
        {
            var labels = page.QuerySelectorAll("a, button").Select(e => e.TextContent.Trim());
            Assert.DoesNotContain(labels, label => label.Contains('【') || label.Contains('】'));
        }
    }

    /// <summary>The text of the label of the input posted as <paramref name="name"/> (ids as ASP.NET Core makes them from names).</summary>
    internal static string LabelOf(IDocument page, string name)
    {
        var id = name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
        var label = page.QuerySelector($"label[for='{id}']") ?? throw new InvalidOperationException($"No label for {name} ({id}) on {page.Url}");
        return label.TextContent.Trim();
    }
}

public sealed class ManualWordsTests_Sqlite(SqlitePlatform platform) : ManualWordsTests(platform), IClassFixture<SqlitePlatform>;

public sealed class ManualWordsTests_Postgres(PostgresPlatform platform) : ManualWordsTests(platform), IClassFixture<PostgresPlatform>;
