namespace Beian.Core.Calendar;

/// <summary>
/// A date reckoned in working days. When the days counted reach into a year whose official schedule
/// is not known yet (<see cref="UncoveredYear"/>), weekdays there were taken as working days and the
/// date is only 预计: the year's holidays may move it.
/// </summary>
public readonly record struct DueDate(DateOnly On, int? UncoveredYear)
{
    public bool IsEstimated => UncoveredYear != null;

    /// <summary>Why the date is an estimate, in Chinese; null when it is not one.</summary>
    public string? EstimateReason => UncoveredYear is { } year
        ? $"{year}年法定节假日和调休安排尚未录入，暂按周一至周五为工作日推算，录入后自动重新计算"
        : null;

    /// <summary>yyyy-MM-dd, followed by （预计） when it is an estimate.</summary>
    public override string ToString() => $"{On:yyyy-MM-dd}{(IsEstimated ? "（预计）" : "")}";
}
