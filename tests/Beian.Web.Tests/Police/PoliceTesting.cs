using System.Globalization;
using AngleSharp.Html.Dom;
using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Police.Statistics;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Beian.Web.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Police;

/// <summary>Officers logged in through the real pages (password, captcha, SMS second factor).</summary>
public static class Officers
{
    public static async Task<PlatformClient> LoggedInAsync(PlatformFixture platform, string role, string unit) =>
        (await PoliceLogin.OfficerAsync(platform, role, unit)).Client;
}

/// <summary>
/// Applications put straight into the database through the entity's own methods, at the times a test
/// needs (weeks ago, decided on a given day); the statistics read nothing else of them.
/// </summary>
public static class SeededApplications
{
    public static Task<FilingApplication> SubmitAsync(PlatformFixture platform, string unit, BusinessType type, DateTime submittedUtc,
        DateTime? approvedUtc = null, DateTime? returnedUtc = null) =>
        platform.ScopedAsync(async services =>
        {
            var db = services.GetRequiredService<BeianDbContext>();
            var application = FilingApplication.Submit($"seed-{Guid.NewGuid():N}", type, Guid.NewGuid(), null,
                $"统计测试{Guid.NewGuid():N}"[..12], unit, Guid.NewGuid(), DateTime.SpecifyKind(submittedUtc, DateTimeKind.Utc));
            if (approvedUtc is { } approved) application.Approve("seed-reviewer", null, DateTime.SpecifyKind(approved, DateTimeKind.Utc));
            if (returnedUtc is { } returned) application.Return("seed-reviewer", [new Beian.Core.Applications.ReturnReason(null, "整体", "测试退回")], DateTime.SpecifyKind(returned, DateTimeKind.Utc));
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application;
        });

    public static async Task<List<FilingApplication>> SubmitManyAsync(PlatformFixture platform, int count, string unit, BusinessType type, DateTime submittedUtc)
    {
        var applications = new List<FilingApplication>();
        for (var i = 0; i < count; i++) applications.Add(await SubmitAsync(platform, unit, type, submittedUtc.AddMinutes(i)));
        return applications;
    }
}

/// <summary>
/// Applications written by SQL (a test's bulk rows) bypass the kept counts of 统计分析: the counts are forgotten and built
/// again from the applications, as the backfill builds those of a database from before they were kept.
/// </summary>
/// <summary>A downloaded .xlsx, opened with ClosedXML as Excel would open it.</summary>
public sealed record Download(HttpResponseMessage Response, XLWorkbook Workbook) : IDisposable
{
    public static async Task<Download> GetAsync(PlatformClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Download(response, new XLWorkbook(new MemoryStream(bytes)));
    }

    /// <summary>The UTF-8 file name of the attachment (Content-Disposition filename*).</summary>
    public string? FileName => Response.Content.Headers.ContentDisposition?.FileNameStar;

    public static IReadOnlyList<string> HeaderOf(IXLWorksheet sheet) =>
        sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();

    /// <summary>Every row under the header, as the text Excel shows.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> RowsOf(IXLWorksheet sheet)
    {
        var width = sheet.Row(1).LastCellUsed()!.Address.ColumnNumber;
        var last = sheet.LastRowUsed()!.RowNumber();
        return Enumerable.Range(2, Math.Max(0, last - 1))
            .Select(r => (IReadOnlyList<string>)Enumerable.Range(1, width).Select(c => Shown(sheet.Cell(r, c))).ToList())
            .ToList();
    }

    /// <summary>
    /// The cell as Excel shows it under its number format. (ClosedXML 0.95's own GetFormattedString
    /// ignores custom formats, so the two the exports use are applied here.)
    /// </summary>
    public static string Shown(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime when cell.Style.DateFormat.Format == "yyyy-mm-dd hh:mm" => cell.GetDateTime().ToString("yyyy-MM-dd HH:mm"),
        XLDataType.DateTime when cell.Style.DateFormat.Format == "yyyy-mm-dd" => cell.GetDateTime().ToString("yyyy-MM-dd"),
        XLDataType.DateTime => throw new InvalidOperationException($"Unexpected date format {cell.Style.DateFormat.Format}"),
        XLDataType.Number when cell.Style.NumberFormat.Format == "0.0" => cell.GetDouble().ToString("0.0", CultureInfo.InvariantCulture),
        XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => cell.GetString(),
    };

    public void Dispose()
    {
        Workbook.Dispose();
        Response.Dispose();
    }
}

public static class PoliceLinks
{
    /// <summary>The href of the 【导出Excel】 link of a list page, as the officer's browser would follow it.</summary>
    public static string ExportHref(IHtmlDocument page)
    {
        var link = page.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == "导出Excel")
                   ?? throw new InvalidOperationException($"No 导出Excel link on {page.Url}");
        return link.GetAttribute("href")!;
    }
}
