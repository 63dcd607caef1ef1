namespace Beian.Core.Exports;

/// <summary>
/// How an export's rows are laid out on worksheets: Excel holds at most 1,048,576 rows a sheet (the
/// header is one of them), so a longer export goes on in a second sheet named after the first
/// (已备案网站, 已备案网站（2）…), each with the header again.
/// </summary>
public static class Worksheets
{
    /// <summary>Excel's rows per worksheet, the header row included.</summary>
    public const int ExcelMaxRows = 1_048_576;

    /// <summary>Excel refuses a sheet name longer than this.</summary>
    public const int MaxNameLength = 31;

    private static readonly char[] Forbidden = ['[', ']', ':', '*', '?', '/', '\\'];

    /// <summary>Data rows a sheet of <paramref name="maxRowsPerSheet"/> rows holds under its header.</summary>
    public static int DataRowsPerSheet(int maxRowsPerSheet)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerSheet, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRowsPerSheet, ExcelMaxRows);
        return maxRowsPerSheet - 1;
    }

    /// <summary>
    /// The name of the <paramref name="part"/>-th sheet (1-based) of a table: the table's own name for the
    /// first, then the name with （2）, （3）… after it, shortened so that the number always fits.
    /// </summary>
    public static string Name(string table, int part)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(part, 1);
        var clean = new string(table.Select(c => Forbidden.Contains(c) ? '_' : c).ToArray()).Trim('\'');
        if (clean.Length == 0) clean = "Sheet";
        var suffix = part == 1 ? string.Empty : $"（{part}）";
        var room = MaxNameLength - suffix.Length;
        return (clean.Length > room ? clean[..room] : clean) + suffix;
    }
}
