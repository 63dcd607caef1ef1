using System.Globalization;
using System.Text;
using Beian.Web.Features.Unfiled;
using ExcelDataReader;

namespace Beian.Web.Features.Reporting;

public enum ReportFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A report file read one row at a time, never whole: CSV (UTF-8 with or without BOM, or GBK/GB18030 as Excel saves
/// Chinese CSV, told apart by whether the first 64 KB are valid UTF-8) or .xlsx (its first sheet), both through
/// ExcelDataReader. Cells come as text (a date cell as yyyy-MM-dd); the row number is the file's, the header being 1.
/// </summary>
public static class ReportFile
{
    public const long MaxBytes = 200L * 1024 * 1024;
    private const int SniffBytes = 64 * 1024;
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>The format by the file's first bytes (a ZIP is an .xlsx), whatever its name says; null when it is neither.</summary>
    public static ReportFileFormat? Detect(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4 ? ReportFileFormat.Xlsx
        : head.IndexOf((byte)0) >= 0 ? null
        : ReportFileFormat.Csv;

    /// <summary>The format of a seekable stream by its first 64 KB (a file's first few bytes seldom hold its zero bytes); the stream is left at its start.</summary>
    public static ReportFileFormat? Detect(Stream content) => Detect(Head(content));

    /// <summary>The rows of a seekable stream of either format: (row number, cells).</summary>
    public static IEnumerable<(int Row, string?[] Cells)> Rows(Stream content)
    {
        using var reader = Open(content);
        var row = 0;
        while (reader.Read())
        {
            row++;
            var cells = new string?[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = Text(reader.GetValue(i));
            yield return (row, cells);
        }
    }

    /// <summary>How many rows the file has (the header included), read without making their cells into text.</summary>
    public static int CountRows(Stream content)
    {
        using var reader = Open(content);
        var rows = 0;
        while (reader.Read()) rows++;
        return rows;
    }

    private static IExcelDataReader Open(Stream content)
    {
        var head = Head(content);
        return Detect(head) == ReportFileFormat.Xlsx
            ? ExcelReaderFactory.CreateOpenXmlReader(content, new ExcelReaderConfiguration { LeaveOpen = true })
            : ExcelReaderFactory.CreateCsvReader(content, new ExcelReaderConfiguration
            {
                LeaveOpen = true, FallbackEncoding = IsUtf8(head) ? Encoding.UTF8 : UnfiledCsv.Gb18030, AutodetectSeparators = [','],
                AnalyzeInitialCsvRows = 1,
            });
    }

    private static byte[] Head(Stream content)
    {
        var head = new byte[Math.Min(SniffBytes, content.Length)];
        content.Position = 0;
        content.ReadExactly(head);
        content.Position = 0;
        return head;
    }

    private static bool IsUtf8(byte[] head)
    {
        // A multi-byte character may be cut at the end of the sample: look at whole characters only.
        var length = head.Length;
        var back = 0;
        while (back < 3 && length - back - 1 >= 0 && (head[length - back - 1] & 0xC0) == 0x80) back++;
        if (length - back - 1 >= 0 && head[length - back - 1] >= 0xC0) length -= back + 1;
        try
        {
            StrictUtf8.GetCharCount(head, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
