namespace Beian.Core.Exports;

/// <summary>
/// Text for a spreadsheet cell that no spreadsheet program runs as a formula (CSV/formula injection):
/// a name typed by an applicant such as <c>=HYPERLINK("http://…")</c> stays a name when an officer
/// opens, edits or saves the export as CSV.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>
    /// What a formula may begin with: = + - @, a tab or carriage return (Excel and LibreOffice read
    /// them after one), and the full-width = + - @ that Chinese input methods type.
    /// </summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

    /// <summary>
    /// The text with an apostrophe before it when it could start a formula, otherwise unchanged. The
    /// apostrophe is part of the value, not only of the cell's style, so that it survives a save as CSV.
    /// </summary>
    public static string Escape(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;
}
