using Beian.Core.Calendar;

namespace Beian.Core.Statistics;

/// <summary>How many decided applications were submitted on one Beijing day and decided on another.</summary>
public readonly record struct DecidedCount(DateOnly SubmittedOn, DateOnly DecidedOn, int Count);

/// <summary>How many applications a unit decided and how long they took on average, in working days (null: none decided).</summary>
public sealed record AverageReviewTime(int Decided, double? AverageWorkingDays)
{
    public static readonly AverageReviewTime None = new(0, null);

    /// <summary>
    /// From decisions known only by day: how many were made on each day (<paramref name="decidedOn"/>) and how many of
    /// those same decisions were submitted on each day (<paramref name="submittedOn"/>), not which with which. The working
    /// days between two days are the difference of the days' positions in the calendar, so their sum over the decisions is
    /// the sum over the decision days less the sum over the submission days. A decision dated before its submission (not
    /// in either list, only in <paramref name="decided"/>) took 0 days, as in <see cref="ReviewTimes.Of"/>.
    /// </summary>
    public static AverageReviewTime Of(int decided, IEnumerable<(DateOnly Day, int Count)> decidedOn, IEnumerable<(DateOnly Day, int Count)> submittedOn,
        WorkingDayCalculator calculator)
    {
        if (decided == 0) return None;
        var weighted = decidedOn.Select(d => (d.Day, (long)d.Count)).Concat(submittedOn.Select(s => (s.Day, -(long)s.Count))).ToList();
        var position = Positions(weighted.Select(w => w.Day), calculator);
        var workingDays = weighted.Sum(w => position[w.Day] * w.Item2);
        return new AverageReviewTime(decided, (double)workingDays / decided);
    }

    /// <summary>Each day's count of working days after the earliest of them.</summary>
    private static Dictionary<DateOnly, long> Positions(IEnumerable<DateOnly> days, WorkingDayCalculator calculator)
    {
        var positions = new Dictionary<DateOnly, long>();
        DateOnly? previous = null;
        long position = 0;
        foreach (var day in days.Distinct().Order())
        {
            if (previous is { } before) position += calculator.WorkingDaysBetween(before, day);
            positions[day] = position;
            previous = day;
        }
        return positions;
    }
}

/// <summary>
/// 审核用时 of decided applications in working days: from the Beijing date of submission
/// (exclusive) to the date of the decision (inclusive), holidays and 调休 counted as for the due
/// date, so a decision on the due date took exactly the unit's limit. The 95th percentile is the
/// nearest-rank one: the smallest time within which at least 95% of the decisions were made.
/// </summary>
public sealed record ReviewTimes(int Decided, double? AverageWorkingDays, int? Percentile95WorkingDays)
{
    public const int Percentile = 95;

    public static readonly ReviewTimes None = new(0, null, null);

    public static ReviewTimes Of(IEnumerable<DecidedCount> decided, WorkingDayCalculator calculator)
    {
        var samples = decided.Where(d => d.Count > 0)
            .Select(d => (Days: Math.Max(0, calculator.WorkingDaysBetween(d.SubmittedOn, d.DecidedOn)), d.Count))
            .GroupBy(s => s.Days)
            .Select(g => (Days: g.Key, Count: g.Sum(s => s.Count)))
            .OrderBy(s => s.Days)
            .ToList();
        var total = samples.Sum(s => s.Count);
        if (total == 0) return None;
        var average = samples.Sum(s => (double)s.Days * s.Count) / total;
        return new ReviewTimes(total, average, NearestRank(samples, total, Percentile));
    }

    /// <summary>The value at rank ⌈percent·n/100⌉ of the ascending samples (value, how many times).</summary>
    public static int NearestRank(IReadOnlyList<(int Days, int Count)> ascending, int total, int percent)
    {
        var rank = ((long)percent * total + 99) / 100;
        long seen = 0;
        foreach (var (days, count) in ascending)
        {
            seen += count;
            if (seen >= rank) return days;
        }
        return ascending[^1].Days;
    }
}
