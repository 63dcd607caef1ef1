using Beian.Core.Exports;
using Beian.Core.Time;
using Beian.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Beian.Web.Features.Police.Exports;

/// <summary>
/// 【导出Excel】 of a police list: up to <see cref="ExportOptions.BackgroundAbove"/> rows written into the
/// response at once, more written in the background (the officer follows it on 导出文件 and downloads it
/// there). Every export is a police read of personal data and is audited before a row leaves: at once for
/// a small one, at each download for a background one.
/// </summary>
public sealed class PoliceExports(BackgroundExportJobs jobs, AuditLog audit, TimeProvider clock, IOptions<ExportOptions> options)
{
    public const string ExportsPage = "/Police/Exports/Index";

    public async Task<IActionResult> ExportAsync<TFilter>(PageModel page, ListExport<TFilter> list, Officer officer, TFilter filter,
        CancellationToken cancellationToken) where TFilter : class
    {
        var rows = await list.CountAsync(officer, filter, cancellationToken);
        var serialized = list.Serialize(filter);
        if (BackgroundExports.RunsInBackground(rows, options.Value.BackgroundAbove))
        {
            var export = await jobs.AskAsync(list, serialized, officer, rows, cancellationToken);
            page.TempData["Notice"] = $"{list.Title}共{rows}条，数据较多，已转为后台导出；完成后请在本页下载。";
            return page.RedirectToPage(ExportsPage, new { highlight = export.Id });
        }
        await audit.RecordPersonalDataReadAsync(AuditObjectTypes.Export, list.Kind, Detail(list.Title, rows, serialized), cancellationToken);
        return await ExcelExport.DownloadAsync(page.Response, list.Title, BeijingTime.DateOf(clock.GetUtcNow()),
            [new ExcelSheet(list.Title, list.Columns, list.RowsAsync(officer, filter, cancellationToken))], cancellationToken);
    }

    /// <summary>The file of a finished background export, audited as it is handed to its officer.</summary>
    public async Task<IActionResult?> DownloadAsync(HttpResponse response, BackgroundExport export, CancellationToken cancellationToken)
    {
        var file = await jobs.OpenFileAsync(export, cancellationToken);
        if (file == null) return null;
        try
        {
            await audit.RecordPersonalDataReadAsync(AuditObjectTypes.Export, export.Id.ToString(),
                Detail(export.Title, export.RowsWritten, export.Filter), cancellationToken);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        response.Headers.CacheControl = "private, no-store";
        return new FileStreamResult(file, ExcelExport.ContentType) { FileDownloadName = export.FileName };
    }

    /// <summary>已备案网站，导出123行；筛选：{…} (cut to the audit's detail length).</summary>
    private static string Detail(string title, long rows, string filter)
    {
        var detail = $"{title}，导出{rows}行；筛选：{filter}";
        return detail.Length <= AuditRecord.DetailMaxLength ? detail : detail[..(AuditRecord.DetailMaxLength - 1)] + "…";
    }
}
