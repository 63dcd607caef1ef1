namespace Beian.Web.Tests.Infrastructure;

/// <summary>A clock that only moves when a test moves it.</summary>
public sealed class ManualClock(DateTime startUtc) : TimeProvider
{
    public DateTime Now { get; private set; } = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(Now, TimeSpan.Zero);

    public void Advance(TimeSpan by) => Now += by;
}
