namespace Beian.Core.Accounts;

/// <summary>
/// 等保 lockout: <see cref="MaxFailures"/> wrong passwords (or second-factor codes) in a row lock
/// the login for <see cref="LockMinutes"/> minutes. The caller counts per account and per source
/// (client address), so that a stranger's failures lock the stranger out, not the owner. Failures
/// are forgotten after a lock ends and after <see cref="ForgetAfter"/> without another.
/// </summary>
public sealed record SignInLockoutPolicy(int MaxFailures = 5, int LockMinutes = 30)
{
    public static SignInLockoutPolicy Default { get; } = new();

    public static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    public TimeSpan LockDuration => TimeSpan.FromMinutes(LockMinutes);

    public bool IsLocked(SignInFailures? failures, DateTime nowUtc) => failures?.LockedUntil > nowUtc;

    /// <summary>Whole minutes until the lock ends, at least 1; 0 when not locked.</summary>
    public int MinutesLocked(SignInFailures? failures, DateTime nowUtc) =>
        IsLocked(failures, nowUtc) ? Math.Max(1, (int)Math.Ceiling((failures!.LockedUntil!.Value - nowUtc).TotalMinutes)) : 0;

    /// <summary>
    /// The failures after one more at <paramref name="nowUtc"/>; the one that reaches the maximum
    /// locks. One that raced past a lock leaves the lock as it is.
    /// </summary>
    public SignInFailures AfterFailure(SignInFailures? failures, DateTime nowUtc)
    {
        if (IsLocked(failures, nowUtc)) return failures!;
        var count = (IsCurrent(failures, nowUtc) ? failures!.Count : 0) + 1;
        return new SignInFailures(count, nowUtc, count >= MaxFailures ? nowUtc + LockDuration : null);
    }

    /// <summary>Wrong tries left before the lock; 0 when locked.</summary>
    public int TriesLeft(SignInFailures failures) => Math.Max(0, MaxFailures - failures.Count);

    private bool IsCurrent(SignInFailures? failures, DateTime nowUtc) =>
        failures != null
        && (failures.LockedUntil == null || failures.LockedUntil > nowUtc)
        && nowUtc - failures.LastFailedAt < ForgetAfter;
}

/// <summary>Consecutive failed sign-ins of one account from one source, and the lock they caused.</summary>
public sealed record SignInFailures(int Count, DateTime LastFailedAt, DateTime? LockedUntil);
