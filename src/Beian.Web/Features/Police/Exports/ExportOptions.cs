using Beian.Core.Exports;

namespace Beian.Web.Features.Police.Exports;

/// <summary>The <c>Exports</c> settings.</summary>
public sealed class ExportOptions
{
    /// <summary>An export of more rows than this is written in the background.</summary>
    public int BackgroundAbove { get; set; } = BackgroundExports.DefaultBackgroundAbove;

    /// <summary>How long a background export's file stays downloadable after it is done.</summary>
    public double KeepHours { get; set; } = BackgroundExports.DefaultKeep.TotalHours;

    /// <summary>How often each node looks for an export to write; zero or less: this node writes none.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>How long a node's claim on an export holds without news from it (renewed with every progress report).</summary>
    public double ClaimSeconds { get; set; } = 120;

    /// <summary>Rows a worksheet holds, its header included, before the table goes on in the next sheet.</summary>
    public int MaxRowsPerSheet { get; set; } = Worksheets.ExcelMaxRows;

    /// <summary>Every so many rows a background export reports how far it is (and renews its claim).</summary>
    public int ProgressEvery { get; set; } = 10_000;

    public TimeSpan Keep => TimeSpan.FromHours(KeepHours);
    public TimeSpan Claim => TimeSpan.FromSeconds(ClaimSeconds);
    public ExcelLayout Layout => new(MaxRowsPerSheet, ProgressEvery);
}
