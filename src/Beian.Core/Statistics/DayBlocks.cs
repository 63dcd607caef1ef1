namespace Beian.Core.Statistics;

/// <summary>A run of <see cref="SpanDays"/> days from <see cref="FirstDay"/> over which a kept count is summed.</summary>
public readonly record struct DayBlock(int SpanDays, DateOnly FirstDay)
{
    public DateOnly LastDay => FirstDay.AddDays(SpanDays - 1);
}

/// <summary>
/// The blocks of days the kept counts of 统计分析 are summed over, so that a period of up to a year reads a few dozen
/// sums per count instead of a count per day: each count is kept for its day and for the blocks of 7, 28 and 112 days
/// that hold it, each block aligned on <see cref="DateOnly.DayNumber"/> (a block of n days starts on a day number that n
/// divides: the weeks from Monday), and a period is read as the fewest such blocks that tile it (<see cref="Tiling"/>).
/// </summary>
public static class DayBlocks
{
    /// <summary>
    /// The block lengths, shortest first, each dividing the next; four of them (a count is kept four times) tile a year
    /// in fewer blocks than five lengths by four (1 … 256) and far fewer than three by eight (1, 8, 64).
    /// </summary>
    public static IReadOnlyList<int> Spans { get; } = [1, 7, 28, 112];

    /// <summary>The block of <paramref name="span"/> days that holds <paramref name="day"/>.</summary>
    public static DayBlock Holding(DateOnly day, int span) => new(span, DateOnly.FromDayNumber(day.DayNumber - day.DayNumber % span));

    /// <summary>
    /// <paramref name="from"/>–<paramref name="to"/> (both included) as consecutive blocks, from each day on the longest
    /// aligned block that ends within the period: a year is some 14 blocks (18 at most), any shorter period 25 at most.
    /// </summary>
    public static IReadOnlyList<DayBlock> Tiling(DateOnly from, DateOnly to)
    {
        var blocks = new List<DayBlock>();
        for (var day = from.DayNumber; day <= to.DayNumber;)
        {
            var start = day;
            var span = Spans.Last(s => start % s == 0 && start + s - 1 <= to.DayNumber);
            blocks.Add(new DayBlock(span, DateOnly.FromDayNumber(day)));
            day += span;
        }
        return blocks;
    }
}
