using Beian.Core.Calendar;

namespace Beian.Core.Statistics;

/// <summary>How many decided applications were submitted on one Beijing day and decided on another.</summary>
public readonly record struct DecidedCount(DateOnly SubmittedOn, DateOnly DecidedOn, int Count);

/// <summary>How many applications a unit decided and how long they took on average, in working days (null: none decided).</summary>
public sealed record AverageReviewTime(int Decided, double? AverageWorkingDays)
{
    public static readonly AverageReviewTime None = new(0, null);

    /// <summary>From how many decisions there were and their working days summed (each at least 0, as in <see cref="ReviewTimes.Of(IEnumerable{ValueTuple{int, int}})"/>).</summary>
    public static AverageReviewTime Of(int decided, long workingDays) =>
        decided == 0 ? None : new AverageReviewTime(decided, (double)workingDays / decided);
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

    public static ReviewTimes Of(IEnumerable<DecidedCount> decided, WorkingDayCalculator calculator) =>
        Of(decided.Select(d => (calculator.WorkingDaysBetween(d.SubmittedOn, d.DecidedOn), d.Count)));

    /// <summary>From how many decisions took how many working days; a decision dated before its submission took 0.</summary>
    public static ReviewTimes Of(IEnumerable<(int WorkingDays, int Count)> decided)
    {
        var samples = decided.Where(d => d.Count > 0)
            .Select(d => (Days: Math.Max(0, d.WorkingDays), d.Count))
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
