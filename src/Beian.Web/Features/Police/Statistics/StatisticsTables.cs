using Beian.Core.Applications;
using Beian.Core.Regions;
using Beian.Web.Features.Police.Exports;

namespace Beian.Web.Features.Police.Statistics;

/// <summary>A column of a table drawn as one data set of its chart.</summary>
public sealed record ChartSeries(int Column, string Color, string? Stack = null);

/// <summary>
/// How wwwroot/js/statistics.js draws a table: <see cref="Kind"/> is a Chart.js type, the labels
/// are <see cref="Labels"/> (or the first column), each row may have its own colour.
/// </summary>
public sealed record ChartSpec(string Kind, IReadOnlyList<ChartSeries> Series, IReadOnlyList<string>? Labels = null,
    IReadOnlyList<string>? RowColors = null, bool Horizontal = false);

/// <summary>One table of the dashboard: shown under its chart, and one sheet of 【导出Excel】.</summary>
public sealed record StatisticsTable(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows,
    ChartSpec? Chart = null, string? Note = null)
{
    public ExcelSheet ToSheet() => new(Title, Columns, Rows);
}

/// <summary>The dashboard's tables from a report, so that the page, its charts and the export show the same numbers.</summary>
public static class StatisticsTables
{
    public const string Navy = "#0b3d91";
    public const string OverdueRed = "#9b1c1c";
    public const string NoValue = "—";

    /// <summary>The status colours of the site (待审核 amber, 审核中 blue, 已通过 green, 已退回 red, 已撤销 grey), for charts.</summary>
    public static string ColorOf(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Pending => "#e0a100",
        ApplicationStatus.InReview => "#2f6fd6",
        ApplicationStatus.Inspecting => "#5b8def",
        ApplicationStatus.Approved => "#2e9e5b",
        ApplicationStatus.Returned => "#d64541",
        _ => "#98a2b3",
    };

    public static IReadOnlyList<StatisticsTable> All(StatisticsReport report, string unitName) =>
        [Summary(report, unitName), Daily(report), ByStatus(report), ByType(report), ByUnit(report)];

    public static StatisticsTable Summary(StatisticsReport report, string unitName) => new("summary", "概况", ["指标", "数值"],
    [
        ["统计单位", unitName],
        ["统计区间", $"{report.Filter.From:yyyy-MM-dd} 至 {report.Filter.To:yyyy-MM-dd}"],
        ["业务类型", report.Filter.Type?.Label() ?? "全部"],
        ["申请数", report.Submitted],
        ["已办结（通过或退回）", report.ReviewTimes.Decided],
        ["平均审核用时（工作日）", Days(report.ReviewTimes.AverageWorkingDays)],
        ["95%审核用时（工作日）", (object?)report.ReviewTimes.Percentile95WorkingDays ?? NoValue],
        ["当前超期申请", report.Overdue],
    ]);

    public static StatisticsTable Daily(StatisticsReport report) => new("daily", "每日申请量", ["日期", "申请数"],
        report.Daily.Select(d => (IReadOnlyList<object?>)[d.Day, d.Count]).ToList(),
        new ChartSpec("bar", [new ChartSeries(1, Navy)], Labels: report.Daily.Select(d => d.Day.ToString("MM-dd")).ToList()));

    public static StatisticsTable ByStatus(StatisticsReport report)
    {
        var statuses = Enum.GetValues<ApplicationStatus>();
        return new("by-status", "按审核状态", ["审核状态", "申请数"],
            statuses.Select(s => (IReadOnlyList<object?>)[s.Label(), report.ByStatus.GetValueOrDefault(s)]).ToList(),
            new ChartSpec("bar", [new ChartSeries(1, Navy)], RowColors: statuses.Select(ColorOf).ToList(), Horizontal: true));
    }

    public static StatisticsTable ByType(StatisticsReport report) => new("by-type", "按业务类型", ["业务类型", "申请数"],
        report.ByType.Select(t => (IReadOnlyList<object?>)[t.Key.Label(), t.Value]).ToList(),
        new ChartSpec("bar", [new ChartSeries(1, Navy)], Horizontal: true));

    public static StatisticsTable ByUnit(StatisticsReport report)
    {
        var own = report.ByUnit.Count > 1;
        return new("by-unit", "按下级单位", ["单位", "申请数", "已通过", "已退回", "未办结", "已撤销", "平均用时（工作日）", "当前超期"],
            report.ByUnit.Select(u => (IReadOnlyList<object?>)
            [
                u.IsOwnUnit && own ? u.Name + "（本级）" : u.Name, u.Submitted, u.Count(ApplicationStatus.Approved),
                u.Count(ApplicationStatus.Returned), u.Open, u.Count(ApplicationStatus.Revoked),
                Days(u.ReviewTimes.AverageWorkingDays), u.Overdue,
            ]).ToList(),
            new ChartSpec("bar",
            [
                new ChartSeries(2, ColorOf(ApplicationStatus.Approved), "status"),
                new ChartSeries(3, ColorOf(ApplicationStatus.Returned), "status"),
                new ChartSeries(4, ColorOf(ApplicationStatus.Pending), "status"),
                new ChartSeries(5, ColorOf(ApplicationStatus.Revoked), "status"),
                new ChartSeries(7, OverdueRed, "overdue"),
            ], Labels: report.ByUnit.Select(u => u.IsOwnUnit && own ? "本级" : ShortName(u.Code, u.Name)).ToList()),
            "各单位含其下级单位。申请数按提交日期统计，未办结为待审核及审核中；平均用时按办结日期统计；当前超期为今日仍未办结且已过办理期限的申请，不限提交日期。");
    }

    /// <summary>The region's name (西湖区) for a chart label; the unit's full name is in the table.</summary>
    private static string ShortName(string code, string name) => RegionCatalog.Default.Find(code)?.Name ?? name;

    private static object Days(double? value) => value is { } days ? Math.Round(days, 1) : NoValue;
}

/// <summary>Tables another capability adds to 统计分析 (安全评估 …), for the officer's jurisdiction and period.</summary>
public interface IStatisticsSection
{
    Task<IReadOnlyList<StatisticsTable>> TablesAsync(string officerUnitCode, StatisticsFilter filter, CancellationToken cancellationToken);
}
