namespace Beian.Core.Calendar;

/// <summary>
/// Beijing time is UTC+8 all year (no daylight saving), so a fixed offset is exact and
/// does not depend on the host's time-zone database.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToBeijing(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToBeijing(instant).DateTime);
}
