using Beian.Web.Tests.Infrastructure;

namespace Beian.Web.Tests.Shared;

/// <summary>
/// File and date inputs read the same in every browser: the platform's 上传 button with 未选择文件 over
/// the file input, and yyyy-MM-dd text boxes instead of the browser's own date box (mm/dd/yyyy in English).
/// </summary>
public abstract class FormControlsInChineseTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_subject_form_has_our_upload_buttons_and_yyyy_MM_dd_dates()
    {
        platform.RequireAvailable();
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var page = await client.GetAsync("/Subjects/New?fresh=true");

        var files = page.QuerySelectorAll("input[type=file]").ToList();
        Assert.NotEmpty(files);
        Assert.All(files, input =>
        {
            var picker = input.Closest(".file-picker")!;
            Assert.Equal("上传", picker.QuerySelector(".file-picker-button")!.TextContent.Trim());
            var chosen = page.GetElementById(input.GetAttribute("aria-describedby")!)!;
            Assert.Equal("未选择文件", chosen.TextContent.Trim());
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']")); // the field's own label still names it
        });

        Assert.Empty(page.QuerySelectorAll("input[type=date]"));
        var validUntil = page.QuerySelector("#Form_Principal_CertificateValidUntil")!;
        Assert.Equal("text", validUntil.GetAttribute("type"));
        Assert.Equal("yyyy-MM-dd", validUntil.GetAttribute("placeholder"));
    }
}

public sealed class FormControlsInChineseTests_Sqlite(SqlitePlatform platform) : FormControlsInChineseTests(platform), IClassFixture<SqlitePlatform>;
