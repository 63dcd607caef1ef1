using System.Linq.Expressions;
using Beian.Core.Applications;
using Beian.Core.Calendar;
using Beian.Core.PoliceUnits;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Beian.Web.Features.Police;

/// <summary>
/// 办理期限 (SPEC §9): the reviewing unit's limit in working days, counted from the Beijing date of
/// submission with the official holiday calendar and 调休. An open application (待审核, 审核中, 待面审/检查) is
/// 已超期 from the day after its due date. The queue, its export and the statistics share this one
/// reckoning. A due date in a year whose holidays are not entered yet is 预计 (<see cref="DueDate"/>).
/// </summary>
public sealed class ReviewDeadlines(BeianDbContext db, HolidayCalendars calendars, TimeProvider clock)
{
    public const int NearlyDueWorkingDays = 3;
    public const int DefaultLimit = PoliceUnitCatalog.DefaultReviewLimitWorkingDays;

    private WorkingDayCalculator Calculator => calendars.Current;

    public DateOnly Today => BeijingTime.DateOf(clock.GetUtcNow());

    public static bool IsOpen(ApplicationStatus status) => status.IsOpen();

    public DueDate Due(DateTime submittedUtc, int limitWorkingDays) =>
        Calculator.Due(BeijingTime.DateOf(submittedUtc), limitWorkingDays);

    public Deadline For(FilingApplication application, int limitWorkingDays) =>
        For(application.SubmittedAt, application.Status, limitWorkingDays);

    /// <summary>The due date of an application known by its submission and status (an export reads no more of it).</summary>
    public Deadline For(DateTime submittedUtc, ApplicationStatus status, int limitWorkingDays)
    {
        var today = Today;
        var due = Due(submittedUtc, limitWorkingDays);
        var open = IsOpen(status);
        var overdue = open && today > due.On;
        var nearlyDue = open && !overdue && Calculator.WorkingDaysBetween(today, due.On) <= NearlyDueWorkingDays;
        return new Deadline(due, overdue, nearlyDue);
    }

    /// <summary>
    /// The earliest Beijing submission date that is not overdue on <paramref name="today"/>: an
    /// application submitted on an earlier day is past its due date. Overdue means that the
    /// limit's working days all lie between the submission (exclusive) and yesterday, so the
    /// answer is the limit-th working day counted back from yesterday.
    /// </summary>
    public static DateOnly FirstDayNotOverdue(int limitWorkingDays, DateOnly today, WorkingDayCalculator calculator)
    {
        var day = today;
        for (var counted = 0; counted < limitWorkingDays;)
        {
            day = day.AddDays(-1);
            if (calculator.Calendar.IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>
    /// Open applications past their due date today, as a filter the database runs: one cut-off
    /// instant per distinct limit among the units of <paramref name="scope"/> (null: every unit).
    /// A unit missing from the table counts with the default limit, as on the queue.
    /// </summary>
    public Task<Expression<Func<FilingApplication, bool>>> OverdueFilterAsync(IReadOnlyList<string>? scope,
        CancellationToken cancellationToken = default) =>
        SubmittedBeforeCutoffAsync(scope, 0, cancellationToken);

    /// <summary>
    /// Open applications that are overdue or at most <paramref name="workingDaysAhead"/> working days
    /// from it (a superset: within the window, <see cref="For"/> tells exactly), as a database filter.
    /// </summary>
    public Task<Expression<Func<FilingApplication, bool>>> DueWithinFilterAsync(int workingDaysAhead, CancellationToken cancellationToken = default) =>
        SubmittedBeforeCutoffAsync(null, workingDaysAhead + 1, cancellationToken);

    private async Task<Expression<Func<FilingApplication, bool>>> SubmittedBeforeCutoffAsync(IReadOnlyList<string>? scope, int earlier,
        CancellationToken cancellationToken)
    {
        var units = db.PoliceUnits.AsNoTracking().Where(u => u.ReviewLimitWorkingDays != DefaultLimit);
        if (scope != null) units = units.Where(u => scope.Contains(u.Code));
        var ownLimits = await units.Select(u => new { u.Code, u.ReviewLimitWorkingDays }).ToListAsync(cancellationToken);

        var today = Today;
        var exceptions = ownLimits.Select(u => u.Code).ToList();
        var defaultCutoff = CutoffUtc(Math.Max(0, DefaultLimit - earlier), today);
        Expression<Func<FilingApplication, bool>> overdue = a => !exceptions.Contains(a.JurisdictionUnitCode) && a.SubmittedAt < defaultCutoff;
        foreach (var group in ownLimits.GroupBy(u => u.ReviewLimitWorkingDays))
        {
            var codes = group.Select(u => u.Code).ToList();
            var cutoff = CutoffUtc(Math.Max(0, group.Key - earlier), today);
            overdue = Or(overdue, a => codes.Contains(a.JurisdictionUnitCode) && a.SubmittedAt < cutoff);
        }
        return And(a => OpenStatuses.All.Contains(a.Status), overdue);
    }

    private DateTime CutoffUtc(int limitWorkingDays, DateOnly today) =>
        BeijingTime.StartOfDayUtc(FirstDayNotOverdue(limitWorkingDays, today, Calculator));

    private static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, Rebind(right, left)), left.Parameters);

    private static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, Rebind(right, left)), left.Parameters);

    private static Expression Rebind<T>(Expression<Func<T, bool>> lambda, Expression<Func<T, bool>> onto) =>
        ReplacingExpressionVisitor.Replace(lambda.Parameters[0], onto.Parameters[0], lambda.Body);
}

/// <summary>An application's due date and whether it is 已超期 or 即将到期 (within three working days) today.</summary>
public readonly record struct Deadline(DueDate Due, bool Overdue, bool NearlyDue)
{
    public DateOnly DueOn => Due.On;

    /// <summary>The due date as the queue and its export show it: 预计, 已超期 or 即将到期 after it.</summary>
    public override string ToString() => Due + (Overdue ? "（已超期）" : NearlyDue ? "（即将到期）" : "");
}
