using Beian.Core.Applications;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Police.Exports;
using Beian.Web.Features.PoliceUnits;
using Microsoft.AspNetCore.Identity;
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
public class QueueModel(BeianDbContext db, UserManager<ApplicationUser> users, ReviewDeadlines deadlines, Officers officers) : PageModel
{
    public const int PageSize = 20;
    public const string Title = "待审核申请";

    public static readonly IReadOnlyList<string> Columns = ["申请编号", "业务类型", "名称", "开办主体", "审核单位", "提交时间", "办理期限", "审核状态", "审核民警"];

    /// <summary>排序: oldest first (what is due soonest), newest first, or by 业务类型.</summary>
    public enum QueueOrder
    {
        Oldest,
        Newest,
        Type,
    }

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

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

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

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await FilteredAsync(cancellationToken) is not { } query) return Forbid();
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await RowsAsync(query.Skip((PageNumber - 1) * PageSize).Take(PageSize), cancellationToken);
        await LoadReviewerNamesAsync(Rows, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (await FilteredAsync(cancellationToken) is not { } query) return Forbid();
        var rows = await RowsAsync(query, cancellationToken);
        await LoadReviewerNamesAsync(rows, cancellationToken);
        return await ExcelExport.DownloadAsync(Response, Title, deadlines.Today, [new ExcelSheet(Title, Columns, rows.Select(Cells))], cancellationToken);
    }

    public static string DueText(QueueRow row) => row.Deadline.ToString();

    private IReadOnlyList<object?> Cells(QueueRow row) =>
    [
        row.Application.Number, row.Application.BusinessType.Label(), row.Application.Title, row.SubjectName, row.UnitName,
        BeijingTime.FromUtc(row.Application.SubmittedAt), DueText(row), row.Application.Status.Label(), ReviewerOf(row.Application),
    ];

    private async Task LoadReviewerNamesAsync(IEnumerable<QueueRow> rows, CancellationToken cancellationToken) =>
        ReviewerNames = await officers.NamesAsync(rows.Select(r => r.Application.AssignedReviewerUserId), cancellationToken);

    /// <summary>The officer's applications under the page's filters, oldest first; null when the account is no officer.</summary>
    private async Task<IQueryable<FilingApplication>?> FilteredAsync(CancellationToken cancellationToken)
    {
        var officer = await users.GetUserAsync(User);
        if (officer?.PoliceUnitCode == null) return null;
        var scope = PoliceJurisdiction.CodesWithin(officer.PoliceUnitCode);

        var query = db.Applications.AsNoTracking().Where(a => a.BusinessType != BusinessType.NewSubject);
        if (scope != null) query = query.Where(a => scope.Contains(a.JurisdictionUnitCode));
        if (Type is { } type) query = query.Where(a => a.BusinessType == type);
        query = Status is { } status
            ? query.Where(a => a.Status == status)
            : query.Where(a => OpenStatuses.All.Contains(a.Status));
        if (OverdueOnly) query = query.Where(await deadlines.OverdueFilterAsync(scope, cancellationToken));
        if (Mine) query = query.Where(a => a.AssignedReviewerUserId == officer.Id);
        if (From > To) ModelState.AddModelError(nameof(From), "开始日期不能晚于结束日期");
        else
        {
            if (From is { } from) { var start = BeijingTime.StartOfDayUtc(from); query = query.Where(a => a.SubmittedAt >= start); }
            if (To is { } to) { var end = BeijingTime.StartOfDayUtc(to.AddDays(1)); query = query.Where(a => a.SubmittedAt < end); }
        }
        return Sort switch
        {
            QueueOrder.Newest => query.OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Number),
            QueueOrder.Type => query.OrderBy(a => a.BusinessType).ThenBy(a => a.SubmittedAt).ThenBy(a => a.Number),
            _ => query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Number),
        };
    }

    private async Task<List<QueueRow>> RowsAsync(IQueryable<FilingApplication> query, CancellationToken cancellationToken)
    {
        var applications = await query.ToListAsync(cancellationToken);
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
