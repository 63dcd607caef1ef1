using System.Globalization;
using System.Xml;
using Beian.Core.Exports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Beian.Web.Features.Police.Exports;

/// <summary>
/// Writes one table's rows into worksheet parts as it reads them: the header, at most
/// <c>rowsPerSheet</c> rows a part, then the next part goes on where the last stopped. Column widths
/// come from the header and the first rows (read ahead and kept until written), since a worksheet
/// names its widths before its rows.
/// </summary>
internal sealed class WorksheetWriter(IReadOnlyList<string> columns, IAsyncEnumerator<IReadOnlyList<object?>> source, int rowsPerSheet,
    int progressEvery)
{
    private const int MeasuredRows = 1_000;
    private const int MaxColumnWidth = 60;

    private readonly Queue<IReadOnlyList<object?>> _ahead = new();
    // One of each element per table, reused for every cell: the writer reads only their names, and
    // a new element and attribute list per cell made up a third of the time of a large export.
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly InlineString _inline = new();
    private readonly Text _text = new();
    private readonly List<OpenXmlAttribute> _attributes = new(3);
    private readonly string[] _letters = columns.Select((_, i) => XlsxPackage.ColumnName(i + 1)).ToArray();
    private readonly double[] _widths = columns.Select(c => (double)DisplayWidth(c)).ToArray();
    private bool _sourceDone;

    /// <summary>Whether rows remain for another part after the last one written.</summary>
    public bool HasMore { get; private set; } = true;

    /// <summary>Reads the first rows ahead and takes the column widths from them and the header.</summary>
    public async Task MeasureAsync()
    {
        while (_ahead.Count < MeasuredRows && await ReadAheadAsync())
        {
        }
        foreach (var row in _ahead)
            for (var column = 0; column < _widths.Length && column < row.Count; column++)
                _widths[column] = Math.Max(_widths[column], DisplayWidth(Shown(row[column])));
    }

    /// <summary>One worksheet part: its header and up to <c>rowsPerSheet</c> rows; returns the rows written.</summary>
    public async Task<long> WritePartAsync(Stream stream, long rowsBefore, Func<long, CancellationToken, Task>? progress,
        CancellationToken cancellationToken)
    {
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        WriteFrozenHeaderView(writer);
        WriteColumnWidths(writer);
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, columns.Cast<object?>().ToList(), XlsxStyles.Header);
        var count = 0;
        while (count < rowsPerSheet && await NextAsync() is { } row)
        {
            count++;
            WriteRow(writer, count + 1, row, XlsxStyles.None);
            if (progress != null && (rowsBefore + count) % progressEvery == 0) await progress(rowsBefore + count, cancellationToken);
        }
        writer.WriteEndElement();
        writer.WriteElement(new AutoFilter { Reference = $"A1:{_letters[^1]}{count + 1}" });
        writer.WriteEndElement();
        writer.Close();
        HasMore = count == rowsPerSheet && (_ahead.Count > 0 || await ReadAheadAsync());
        return count;
    }

    private static void WriteFrozenHeaderView(OpenXmlWriter writer) =>
        writer.WriteElement(new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 }));

    private void WriteColumnWidths(OpenXmlWriter writer)
    {
        // Measured by hand: Excel sizes nothing by itself when the file is opened.
        var widths = new Columns();
        for (var column = 0; column < _widths.Length; column++)
        {
            var width = Math.Min(MaxColumnWidth, _widths[column] + 2);
            widths.Append(new Column { Min = (uint)column + 1, Max = (uint)column + 1, Width = width, CustomWidth = true });
        }
        writer.WriteElement(widths);
    }

    private void WriteRow(OpenXmlWriter writer, int rowNumber, IReadOnlyList<object?> row, uint? style)
    {
        var number = rowNumber.ToString(CultureInfo.InvariantCulture);
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, number));
        writer.WriteStartElement(_row, _attributes);
        for (var column = 0; column < _letters.Length && column < row.Count; column++)
            WriteCell(writer, _letters[column] + number, row[column], style);
        writer.WriteEndElement();
    }

    private void WriteCell(OpenXmlWriter writer, string reference, object? value, uint? style)
    {
        switch (value)
        {
            case null:
                break;
            case int or long:
                WriteNumber(writer, reference, Convert.ToDouble(value, CultureInfo.InvariantCulture), style);
                break;
            case double or decimal:
                // Averages: one decimal, as the screens show them.
                WriteNumber(writer, reference, Convert.ToDouble(value, CultureInfo.InvariantCulture), style ?? XlsxStyles.OneDecimal);
                break;
            case DateTime time:
                WriteNumber(writer, reference, time.ToOADate(), style ?? XlsxStyles.DateTime);
                break;
            case DateOnly date:
                WriteNumber(writer, reference, date.ToDateTime(TimeOnly.MinValue).ToOADate(), style ?? XlsxStyles.Date);
                break;
            default:
                WriteText(writer, reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, style);
                break;
        }
    }

    private void WriteNumber(OpenXmlWriter writer, string reference, double number, uint? style)
    {
        writer.WriteStartElement(_cell, CellAttributes(reference, style, null));
        writer.WriteStartElement(_value);
        writer.WriteString(number.ToString("R", CultureInfo.InvariantCulture));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>Every text cell of every export is written here: inline (no shared table to hold in memory) and escaped.</summary>
    private void WriteText(OpenXmlWriter writer, string reference, string text, uint? style)
    {
        var escaped = XmlSafe(SpreadsheetText.Escape(text));
        writer.WriteStartElement(_cell, CellAttributes(reference, style, "inlineStr"));
        writer.WriteStartElement(_inline);
        _attributes.Clear();
        if (escaped.Length > 0 && (char.IsWhiteSpace(escaped[0]) || char.IsWhiteSpace(escaped[^1])))
            _attributes.Add(new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve"));
        writer.WriteStartElement(_text, _attributes);
        writer.WriteString(escaped);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private List<OpenXmlAttribute> CellAttributes(string reference, uint? style, string? type)
    {
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, reference));
        if (style is { } s) _attributes.Add(new OpenXmlAttribute("s", string.Empty, StyleIndexes[s]));
        if (type != null) _attributes.Add(new OpenXmlAttribute("t", string.Empty, type));
        return _attributes;
    }

    private static readonly string[] StyleIndexes = ["0", "1", "2", "3", "4"];

    /// <summary>The text without the control characters XML cannot carry (a pasted name may hold one).</summary>
    private static string XmlSafe(string text)
    {
        foreach (var c in text)
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
                return new string(text.Where(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch)).ToArray());
        return text;
    }

    private async Task<IReadOnlyList<object?>?> NextAsync() =>
        _ahead.Count > 0 || await ReadAheadAsync() ? _ahead.Dequeue() : null;

    /// <summary>Reads one more row from the source into the queue; false when the source has no more.</summary>
    private async Task<bool> ReadAheadAsync()
    {
        if (_sourceDone) return false;
        if (await source.MoveNextAsync())
        {
            _ahead.Enqueue(source.Current);
            return true;
        }
        _sourceDone = true;
        return false;
    }

    /// <summary>The cell as the sheet shows it, for its width.</summary>
    private static string Shown(object? value) => value switch
    {
        null => string.Empty,
        DateTime => "yyyy-mm-dd hh:mm",
        DateOnly => "yyyy-mm-dd",
        double or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Column width in Excel's units: a CJK character is about two Latin ones wide.</summary>
    private static int DisplayWidth(string text) => text.Sum(c => c > 0x2E7F ? 2 : 1);
}
