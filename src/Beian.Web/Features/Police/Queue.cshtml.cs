using Beian.Core.Applications;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Police.Exports;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police;

/// <summary>
/// 待审核申请: the applications of the officer's jurisdiction (a county's own; a city, province or
/// the ministry sees every unit below it), with the due date counted in working days from
/// submission by the reviewing unit's limit and the official holiday calendar (SPEC §9).
/// A subject is reviewed together with its first business, so 新增主体 is not listed on its own.
/// 【导出Excel】 exports every row the filters select, not only the current page.
/// </summary>
public class QueueModel(BeianDbContext db, QueueList list, ReviewDeadlines deadlines, Officers officers, PoliceExports exports,
    IConfiguration configuration) : FilteredListModel<QueueRow>
{
    public const int PageSize = 20;
    public const string Title = QueueList.ListTitle;

    public static IReadOnlyList<string> Columns => QueueList.Headers;

    public static readonly IReadOnlyDictionary<QueueOrder, string> OrderLabels = new Dictionary<QueueOrder, string>
    {
        [QueueOrder.Oldest] = "提交时间从早到晚（期限近的在前）",
        [QueueOrder.Newest] = "提交时间从晚到早",
        [QueueOrder.Type] = "业务类型",
    };

    [BindProperty(SupportsGet = true)]
    public BusinessType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public ApplicationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool OverdueOnly { get; set; }

    /// <summary>Only what the officer claimed (我正在审核).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    /// <summary>提交日期 from / to, Beijing dates, both inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public QueueOrder Sort { get; set; }

    /// <summary>【导出Excel】 with the filters of this page.</summary>
    public string? ExportHref => Url.Page("/Police/Queue", "Export", new
    {
        type = Type, status = Status, overdueOnly = OverdueOnly ? true : (bool?)null, mine = Mine ? true : (bool?)null,
        from = From?.ToString("yyyy-MM-dd"), to = To?.ToString("yyyy-MM-dd"), sort = Sort == QueueOrder.Oldest ? (QueueOrder?)null : Sort,
    });

    /// <summary>The 审核民警 of each row (the reviewer who claimed it), by user id.</summary>
    public IReadOnlyDictionary<string, string> ReviewerNames { get; private set; } = new Dictionary<string, string>();

    public string ReviewerOf(FilingApplication application) =>
        application.AssignedReviewerUserId is { } id ? ReviewerNames.GetValueOrDefault(id, "") : "";

    private QueueFilter Filter => new(Type, Status, OverdueOnly, Mine, From, To, Sort);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        await ListAsync(async () =>
        {
            var query = await list.QueryAsync(officer, Filter, cancellationToken);
            var total = await query.CountUpToAsync(BoundedCount.BoundOf(configuration), cancellationToken);
            var page = await query.PageAsync(QueueList.OrderOf(Sort), Cursor, PageSize, cancellationToken);
            var rows = await RowsAsync(page.Rows, cancellationToken);
            ReviewerNames = await officers.NamesAsync(rows.Select(r => r.Application.AssignedReviewerUserId), cancellationToken);
            return (total, new KeysetPage<QueueRow>(rows, page.Previous, page.Next));
        });
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        if (!FilterIsValid()) return Page();
        return await exports.ExportAsync(this, list, officer, Filter, cancellationToken);
    }

    public static string DueText(QueueRow row) => row.Deadline.ToString();

    protected override void CheckFilter()
    {
        if (Filter.DatesReversed) ModelState.AddModelError(nameof(From), "提交日期的起始日期不能晚于截止日期");
    }

    private async Task<List<QueueRow>> RowsAsync(IReadOnlyList<FilingApplication> applications, CancellationToken cancellationToken)
    {
        var codes = applications.Select(a => a.JurisdictionUnitCode).Distinct().ToList();
        var units = await db.PoliceUnits.AsNoTracking().Where(u => codes.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, cancellationToken);
        var subjectIds = applications.Select(a => a.SubjectId).Distinct().ToList();
        var subjects = await db.Subjects.AsNoTracking().Where(s => subjectIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return applications.Select(a =>
        {
            var unit = units.GetValueOrDefault(a.JurisdictionUnitCode);
            var deadline = deadlines.For(a, unit?.ReviewLimitWorkingDays ?? ReviewDeadlines.DefaultLimit);
            return new QueueRow(a, subjects.GetValueOrDefault(a.SubjectId, ""), unit?.Name ?? a.JurisdictionUnitCode, deadline);
        }).ToList();
    }
}

public sealed record QueueRow(FilingApplication Application, string SubjectName, string UnitName, Deadline Deadline)
{
    public bool Overdue => Deadline.Overdue;
    public bool NearlyDue => Deadline.NearlyDue;
}
