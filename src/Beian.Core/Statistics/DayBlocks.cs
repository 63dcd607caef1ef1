namespace Beian.Core.Statistics;

/// <summary>A run of <see cref="SpanDays"/> days from <see cref="FirstDay"/> over which a kept count is summed.</summary>
public readonly record struct DayBlock(int SpanDays, DateOnly FirstDay)
{
    public DateOnly LastDay => FirstDay.AddDays(SpanDays - 1);

    /// <summary>The index of <paramref name="day"/> in the block, from 0.</summary>
    public int Offset(DateOnly day) => day.DayNumber - FirstDay.DayNumber;

    public bool Holds(DateOnly day) => day >= FirstDay && day <= LastDay;

    /// <summary>Whether every day of the block lies in <paramref name="from"/>–<paramref name="to"/>.</summary>
    public bool Within(DateOnly from, DateOnly to) => FirstDay >= from && LastDay <= to;
}

/// <summary>
/// The blocks of days the kept counts of 统计分析 are kept in: one row per unit and block of <see cref="Span"/> days
/// holds the block's totals and each of its days (<see cref="BlockCells"/>), so that a county's sparse applications share
/// a row a month instead of a row each per day, and a year is read as 14 rows per unit. Blocks are aligned on
/// <see cref="DateOnly.DayNumber"/> (a block starts on a day number that <see cref="Span"/> divides: a Monday).
/// </summary>
public static class DayBlocks
{
    /// <summary>
    /// Four weeks: longer blocks would make a busy unit's row (rewritten by every fold) and the partly read blocks at a
    /// period's ends bigger; shorter ones would give a county more rows than it has applications.
    /// </summary>
    public const int Span = 28;

    /// <summary>The block that holds <paramref name="day"/>.</summary>
    public static DayBlock Holding(DateOnly day) => new(Span, DateOnly.FromDayNumber(day.DayNumber - day.DayNumber % Span));

    /// <summary>The blocks that hold a day of <paramref name="from"/>–<paramref name="to"/> (both included), in order.</summary>
    public static IReadOnlyList<DayBlock> Covering(DateOnly from, DateOnly to)
    {
        var blocks = new List<DayBlock>();
        for (var block = Holding(from); block.FirstDay <= to; block = new DayBlock(Span, block.FirstDay.AddDays(Span)))
            blocks.Add(block);
        return blocks;
    }
}
