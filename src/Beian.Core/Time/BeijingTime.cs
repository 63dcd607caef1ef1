namespace Beian.Core.Time;

/// <summary>
/// The platform stores UTC and shows Beijing time (UTC+8, no daylight saving). A fixed offset,
/// not a time-zone database lookup, so the result is the same on every server.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Beijing wall-clock time of a UTC instant (Kind is Unspecified: it is not UTC).</summary>
    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(utc.Add(Offset), DateTimeKind.Unspecified);

    public static DateTimeOffset ToBeijing(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToBeijing(instant).DateTime);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary>The UTC instant at which the given Beijing calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly beijingDate) =>
        DateTime.SpecifyKind(beijingDate.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    public static string Format(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(DateTime? utc) => utc is { } value ? Format(value) : string.Empty;
}
