using Beian.Core.Applications;
using Beian.Core.Calendar;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
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
/// </summary>
public class QueueModel(BeianDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;
    public const int NearlyDueWorkingDays = 3;

    [BindProperty(SupportsGet = true)]
    public BusinessType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public ApplicationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool OverdueOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        var officer = await users.GetUserAsync(User);
        if (officer?.PoliceUnitCode == null) return Forbid();
        var scope = PoliceJurisdiction.CodesWithin(officer.PoliceUnitCode);

        var query = db.Applications.AsNoTracking().Where(a => a.BusinessType != BusinessType.NewSubject);
        if (scope != null) query = query.Where(a => scope.Contains(a.JurisdictionUnitCode));
        if (Type is { } type) query = query.Where(a => a.BusinessType == type);
        query = Status is { } status
            ? query.Where(a => a.Status == status)
            : query.Where(a => OpenStatuses.All.Contains(a.Status));

        var applications = await query.OrderBy(a => a.SubmittedAt).ToListAsync();
        var rows = await WithDueDatesAsync(applications);
        if (OverdueOnly) rows = rows.Where(r => r.Overdue).ToList();
        Total = rows.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }

    private async Task<List<QueueRow>> WithDueDatesAsync(IReadOnlyList<FilingApplication> applications)
    {
        var codes = applications.Select(a => a.JurisdictionUnitCode).Distinct().ToList();
        var units = await db.PoliceUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code);
        var today = Beian.Core.Time.BeijingTime.DateOf(clock.GetUtcNow());
        var calculator = WorkingDayCalculator.Default;
        return applications.Select(a =>
        {
            var unit = units.GetValueOrDefault(a.JurisdictionUnitCode);
            var due = calculator.AddWorkingDays(new DateTimeOffset(a.SubmittedAt, TimeSpan.Zero), unit?.ReviewLimitWorkingDays ?? 21);
            var left = calculator.WorkingDaysBetween(today, due);
            return new QueueRow(a, unit?.Name ?? a.JurisdictionUnitCode, due, today > due, today <= due && left <= NearlyDueWorkingDays);
        }).ToList();
    }
}

public sealed record QueueRow(FilingApplication Application, string UnitName, DateOnly DueOn, bool Overdue, bool NearlyDue);
