using Beian.Core.Applications;
using Beian.Core.Calendar;
using Beian.Core.Statistics;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.PoliceUnits;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police.Statistics;

/// <summary>
/// The numbers of a report over its period, each branch (a direct child of the officer's unit with everything below
/// it, or the unit itself) by its code: the applications submitted in the period by branch and status, by business
/// type and by day; the decisions made in the period as (submission day, decision day) groups, and by branch their
/// number and average time.
/// </summary>
internal sealed record ReviewFigures(
    IReadOnlyList<(string Branch, ApplicationStatus Status, int Count)> ByBranchAndStatus,
    IReadOnlyList<(BusinessType Type, int Count)> ByType,
    IReadOnlyList<DailyCount> ByDay,
    IReadOnlyList<DecidedCount> Decided,
    IReadOnlyDictionary<string, AverageReviewTime> DecidedByBranch);

internal interface IReviewFigureSource
{
    Task<ReviewFigures> ReadAsync(string unitCode, IReadOnlyList<string> branches, StatisticsFilter filter, WorkingDayCalculator calculator,
        CancellationToken cancellationToken);
}

/// <summary>
/// The figures from the kept counts: the officer's branches' rows (each child's own and below it, the unit's own), as
/// folded plus the changes not folded yet, read in one statement each so that a fold between two reads loses nothing.
/// </summary>
internal sealed class KeptReviewFigures(BeianDbContext db) : IReviewFigureSource
{
    public async Task<ReviewFigures> ReadAsync(string unitCode, IReadOnlyList<string> branches, StatisticsFilter filter,
        WorkingDayCalculator calculator, CancellationToken cancellationToken)
    {
        var rows = Rows(unitCode, branches, filter.Type);
        var (from, to) = (filter.From, filter.To);
        var submitted = rows.Where(r => r.SubmittedOn >= from && r.SubmittedOn <= to);
        var byBranch = await submitted
            .GroupBy(r => new { r.UnitCode, r.Status, r.BusinessType })
            .Select(g => new { g.Key.UnitCode, g.Key.Status, g.Key.BusinessType, Count = g.Sum(r => r.Count) })
            .ToListAsync(cancellationToken);
        var byDay = await submitted
            .GroupBy(r => r.SubmittedOn)
            .Select(g => new DailyCount(g.Key, g.Sum(r => r.Count)))
            .ToListAsync(cancellationToken);

        var decided = rows.Where(r => r.DecidedOn >= from && r.DecidedOn <= to);
        var pairs = await decided
            .GroupBy(r => new { r.SubmittedOn, r.DecidedOn })
            .Select(g => new DecidedCount(g.Key.SubmittedOn, g.Key.DecidedOn, g.Sum(r => r.Count)))
            .ToListAsync(cancellationToken);
        var decisionDays = await decided
            .GroupBy(r => new { r.UnitCode, r.DecidedOn, Early = r.DecidedOn < r.SubmittedOn })
            .Select(g => new { g.Key.UnitCode, g.Key.DecidedOn, g.Key.Early, Count = g.Sum(r => r.Count) })
            .ToListAsync(cancellationToken);
        var submissionDays = await decided.Where(r => r.SubmittedOn <= r.DecidedOn)
            .GroupBy(r => new { r.UnitCode, r.SubmittedOn })
            .Select(g => new { g.Key.UnitCode, g.Key.SubmittedOn, Count = g.Sum(r => r.Count) })
            .ToListAsync(cancellationToken);

        return new ReviewFigures(
            byBranch.Select(r => (r.UnitCode, r.Status, r.Count)).ToList(),
            byBranch.Select(r => (r.BusinessType, r.Count)).ToList(),
            byDay,
            pairs,
            decisionDays.GroupBy(d => d.UnitCode).ToDictionary(branch => branch.Key, branch => AverageReviewTime.Of(
                branch.Sum(d => d.Count),
                branch.Where(d => !d.Early).Select(d => (d.DecidedOn, d.Count)),
                submissionDays.Where(s => s.UnitCode == branch.Key).Select(s => (s.SubmittedOn, s.Count)),
                calculator)));
    }

    /// <summary>The kept rows of the branches with the changes not folded yet, the unit's own (not below it: that is its children).</summary>
    private IQueryable<CountRow> Rows(string unitCode, IReadOnlyList<string> branches, BusinessType? type)
    {
        var kept = db.ReviewCounts.AsNoTracking()
            .Where(c => branches.Contains(c.UnitCode) && !(c.UnitCode == unitCode && c.Scope == CountScope.Below));
        var unfolded = db.ReviewCountChanges.AsNoTracking()
            .Where(c => branches.Contains(c.UnitCode) && !(c.UnitCode == unitCode && c.Scope == CountScope.Below));
        if (type is { } only)
        {
            kept = kept.Where(c => c.BusinessType == only);
            unfolded = unfolded.Where(c => c.BusinessType == only);
        }
        return kept.Select(c => new CountRow { UnitCode = c.UnitCode, SubmittedOn = c.SubmittedOn, BusinessType = c.BusinessType, Status = c.Status, DecidedOn = c.DecidedOn, Count = c.Count })
            .Concat(unfolded.Select(c => new CountRow { UnitCode = c.UnitCode, SubmittedOn = c.SubmittedOn, BusinessType = c.BusinessType, Status = c.Status, DecidedOn = c.DecidedOn, Count = c.Delta }));
    }

    private sealed class CountRow
    {
        public string UnitCode { get; init; } = string.Empty;
        public DateOnly SubmittedOn { get; init; }
        public BusinessType BusinessType { get; init; }
        public ApplicationStatus Status { get; init; }
        public DateOnly DecidedOn { get; init; }
        public int Count { get; init; }
    }
}

/// <summary>
/// The figures counted from the applications themselves, grouped in the database (the statistics' queries before the
/// counts were kept): what the page shows until the kept counts are ready, and what the tests hold them to.
/// </summary>
internal sealed class RecountedReviewFigures(BeianDbContext db) : IReviewFigureSource
{
    public async Task<ReviewFigures> ReadAsync(string unitCode, IReadOnlyList<string> branches, StatisticsFilter filter,
        WorkingDayCalculator calculator, CancellationToken cancellationToken)
    {
        var scope = PoliceJurisdiction.CodesWithin(unitCode);
        var applications = db.Applications.AsNoTracking().Where(a => a.BusinessType != BusinessType.NewSubject);
        if (scope != null) applications = applications.Where(a => scope.Contains(a.JurisdictionUnitCode));
        if (filter.Type is { } type) applications = applications.Where(a => a.BusinessType == type);

        var (from, to) = (filter.FromUtc, filter.ToUtcExclusive);
        var submitted = applications.Where(a => a.SubmittedAt >= from && a.SubmittedAt < to);

        var perDay = await submitted
            .GroupBy(a => a.SubmittedAt.AddHours(8).Date)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var perUnitAndStatus = await submitted
            .GroupBy(a => new { a.JurisdictionUnitCode, a.Status })
            .Select(g => new { g.Key.JurisdictionUnitCode, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var perType = await submitted
            .GroupBy(a => a.BusinessType)
            .Select(g => new { Type = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var decided = await applications
            .Where(a => (a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Returned)
                        && a.DecidedAt >= from && a.DecidedAt < to)
            .GroupBy(a => new { a.JurisdictionUnitCode, Submitted = a.SubmittedAt.AddHours(8).Date, Decided = a.DecidedAt!.Value.AddHours(8).Date })
            .Select(g => new { g.Key.JurisdictionUnitCode, g.Key.Submitted, g.Key.Decided, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var pairs = decided.Select(d => (Branch: ReviewStatistics.BranchOf(d.JurisdictionUnitCode, unitCode),
            Count: new DecidedCount(DateOnly.FromDateTime(d.Submitted), DateOnly.FromDateTime(d.Decided), d.Count))).ToList();
        return new ReviewFigures(
            perUnitAndStatus.Select(r => (ReviewStatistics.BranchOf(r.JurisdictionUnitCode, unitCode), r.Status, r.Count)).ToList(),
            perType.Select(t => (t.Type, t.Count)).ToList(),
            perDay.Select(d => new DailyCount(DateOnly.FromDateTime(d.Day), d.Count)).ToList(),
            pairs.Select(p => p.Count).ToList(),
            pairs.GroupBy(p => p.Branch).ToDictionary(branch => branch.Key, branch =>
            {
                var times = ReviewTimes.Of(branch.Select(p => p.Count), calculator);
                return new AverageReviewTime(times.Decided, times.AverageWorkingDays);
            }));
    }
}
