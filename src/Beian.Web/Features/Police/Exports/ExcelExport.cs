using System.Globalization;
using Beian.Core.Exports;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Police.Exports;

/// <summary>One worksheet of an export: a header row of <see cref="Columns"/>, then one row per entry of <see cref="Rows"/>.</summary>
public sealed record ExcelSheet(string Name, IReadOnlyList<string> Columns, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// 【导出Excel】 of the police lists and statistics (SPEC §9): an .xlsx with one sheet per table.
/// Cells keep their type: text stays text (never read as a number, so leading zeros survive, and
/// escaped by <see cref="SpreadsheetText.Escape"/> so that "=…" never becomes a formula, not even
/// when edited or saved as CSV), numbers are numbers, Beijing times and dates are Excel dates.
/// Callers pass only what their screen shows; no full ID or phone number belongs in an export.
/// </summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int MaxColumnWidth = 60;

    /// <summary>待审核申请_20261201.xlsx: the list's name and the Beijing date of the export.</summary>
    public static string FileName(string title, DateOnly beijingDate) =>
        $"{title}_{beijingDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx";

    /// <summary>The download: an attachment with a UTF-8 file name (filename*), never cached.</summary>
    public static FileContentResult Download(HttpResponse response, string title, DateOnly beijingDate, params ExcelSheet[] sheets)
    {
        response.Headers.CacheControl = "private, no-store";
        return new FileContentResult(Write(sheets), ContentType) { FileDownloadName = FileName(title, beijingDate) };
    }

    public static byte[] Write(IEnumerable<ExcelSheet> sheets)
    {
        using var workbook = new XLWorkbook();
        foreach (var sheet in sheets) AddSheet(workbook, sheet);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void AddSheet(XLWorkbook workbook, ExcelSheet sheet)
    {
        var worksheet = workbook.Worksheets.Add(sheet.Name);
        var widths = sheet.Columns.Select(DisplayWidth).ToArray();
        for (var column = 0; column < sheet.Columns.Count; column++)
        {
            WriteText(worksheet.Cell(1, column + 1), sheet.Columns[column]);
        }
        var rowNumber = 1;
        foreach (var row in sheet.Rows)
        {
            rowNumber++;
            for (var column = 0; column < sheet.Columns.Count && column < row.Count; column++)
            {
                var cell = worksheet.Cell(rowNumber, column + 1);
                Write(cell, row[column]);
                widths[column] = Math.Max(widths[column], DisplayWidth(cell.GetFormattedString()));
            }
        }
        var header = worksheet.Range(1, 1, 1, sheet.Columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EEF9");
        worksheet.SheetView.FreezeRows(1);
        worksheet.Range(1, 1, rowNumber, sheet.Columns.Count).SetAutoFilter();
        // Measured by hand: ClosedXML's AdjustToContents needs GDI+, which Linux servers lack.
        for (var column = 0; column < widths.Length; column++)
        {
            worksheet.Column(column + 1).Width = Math.Min(MaxColumnWidth, widths[column] + 2);
        }
    }

    private static void Write(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case int or long:
                cell.SetValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case double or decimal:
                // Averages: one decimal, as the screens show them.
                cell.SetValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                cell.Style.NumberFormat.Format = "0.0";
                break;
            case DateTime time:
                cell.SetValue(time);
                cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm";
                break;
            case DateOnly date:
                cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                cell.Style.DateFormat.Format = "yyyy-mm-dd";
                break;
            default:
                WriteText(cell, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    /// <summary>Every text cell of every export is written here.</summary>
    private static void WriteText(IXLCell cell, string text) =>
        // SetValue, not Value: the Value setter reads "=…" as a formula and "0571…" as a number.
        cell.SetValue(SpreadsheetText.Escape(text));

    /// <summary>Column width in Excel's units: a CJK character is about two Latin ones wide.</summary>
    private static int DisplayWidth(string text) => text.Sum(c => c > 0x2E7F ? 2 : 1);
}
