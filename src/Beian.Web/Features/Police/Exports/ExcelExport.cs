using System.Globalization;
using System.IO.Compression;
using Beian.Core.Exports;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Police.Exports;

/// <summary>One table of an export: a header row of <see cref="Columns"/>, then one row per entry of <see cref="Rows"/>, read as they are written.</summary>
public sealed record ExcelSheet(string Name, IReadOnlyList<string> Columns, IAsyncEnumerable<IReadOnlyList<object?>> Rows)
{
    public ExcelSheet(string name, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
        : this(name, columns, rows.ToAsyncEnumerable())
    {
    }
}

/// <summary>How many rows a worksheet holds before the table goes on in the next, and how often the writer says how far it is.</summary>
public sealed record ExcelLayout(int MaxRowsPerSheet = Worksheets.ExcelMaxRows, int ProgressEvery = 10_000)
{
    public static readonly ExcelLayout Default = new();
}

/// <summary>
/// 【导出Excel】 of the police lists and statistics (SPEC §9): an .xlsx with one sheet per table, written
/// row by row as the rows are read (an OpenXmlWriter per worksheet inside a zip written front to back),
/// so that memory stays the same whatever the row count; a table longer than a sheet goes on in the next
/// (<see cref="Worksheets.Name"/>). Cells keep their type: text stays text (never read as a number, so
/// leading zeros survive, and escaped by <see cref="SpreadsheetText.Escape"/> so that "=…" never becomes a
/// formula, not even when edited or saved as CSV), numbers are numbers, Beijing times and dates are Excel
/// dates. Callers pass only what their screen shows; no full ID or phone number belongs in an export.
/// </summary>
public static class ExcelExport
{
    /// <summary>Rows read from the database ahead of the one being written (<see cref="ReadAhead"/>).</summary>
    public const int ReadAheadRows = 1_000;

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>待审核申请_20261201.xlsx: the list's name and the Beijing date of the export.</summary>
    public static string FileName(string title, DateOnly beijingDate) =>
        $"{title}_{beijingDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx";

    /// <summary>
    /// The download: the workbook is written to a temporary file (deleted when the response has sent it),
    /// then sent as an attachment with a UTF-8 file name (filename*), never cached.
    /// </summary>
    public static async Task<FileStreamResult> DownloadAsync(HttpResponse response, string title, DateOnly beijingDate,
        IReadOnlyList<ExcelSheet> sheets, CancellationToken cancellationToken)
    {
        var file = TemporaryFile();
        try
        {
            await WriteAsync(file, sheets, ExcelLayout.Default, null, cancellationToken);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        response.Headers.CacheControl = "private, no-store";
        return new FileStreamResult(file, ContentType) { FileDownloadName = FileName(title, beijingDate) };
    }

    /// <summary>A file that is gone once closed, for a workbook on its way to a response or to storage.</summary>
    public static FileStream TemporaryFile() =>
        new(Path.Combine(Path.GetTempPath(), $"beian-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    /// <summary>
    /// Writes the workbook to <paramref name="output"/> and returns the rows written (headers not counted);
    /// <paramref name="progress"/> hears the count every <see cref="ExcelLayout.ProgressEvery"/> rows.
    /// </summary>
    public static async Task<long> WriteAsync(Stream output, IReadOnlyList<ExcelSheet> sheets, ExcelLayout layout,
        Func<long, CancellationToken, Task>? progress, CancellationToken cancellationToken)
    {
        var rowsPerSheet = Worksheets.DataRowsPerSheet(layout.MaxRowsPerSheet);
        var written = new List<WrittenSheet>();
        long rows = 0;
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var sheet in sheets)
            {
                await using var source = ReadAhead.Of(sheet.Rows, ReadAheadRows, cancellationToken).GetAsyncEnumerator(cancellationToken);
                var table = new WorksheetWriter(sheet.Columns, source, rowsPerSheet, layout.ProgressEvery);
                await table.MeasureAsync();
                var part = 0;
                do
                {
                    part++;
                    var name = Worksheets.Name(sheet.Name, part);
                    var entry = zip.CreateEntry($"xl/worksheets/sheet{written.Count + 1}.xml", CompressionLevel.Fastest);
                    await using var stream = entry.Open();
                    var count = await table.WritePartAsync(stream, rows, progress, cancellationToken);
                    rows += count;
                    written.Add(new WrittenSheet(name, sheet.Columns.Count, count));
                }
                while (table.HasMore);
            }
            XlsxPackage.WriteParts(zip, written);
        }
        if (progress != null) await progress(rows, cancellationToken);
        return rows;
    }
}
