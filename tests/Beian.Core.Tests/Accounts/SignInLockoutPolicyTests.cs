using Beian.Core.Accounts;

namespace Beian.Core.Tests.Accounts;

public class SignInLockoutPolicyTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 8, 30, 0, DateTimeKind.Utc);
    private static readonly SignInLockoutPolicy Policy = SignInLockoutPolicy.Default;

    private static SignInFailures? FailTimes(int times, DateTime at)
    {
        SignInFailures? failures = null;
        for (var i = 0; i < times; i++) failures = Policy.AfterFailure(failures, at);
        return failures;
    }

    [Fact]
    public void The_defaults_are_five_failures_and_thirty_minutes()
    {
        Assert.Equal(5, Policy.MaxFailures);
        Assert.Equal(TimeSpan.FromMinutes(30), Policy.LockDuration);
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 3)]
    [InlineData(4, 1)]
    public void Each_failure_below_the_maximum_leaves_fewer_tries_and_no_lock(int failed, int left)
    {
        var failures = FailTimes(failed, Now)!;
        Assert.Equal(new SignInFailures(failed, Now, null), failures);
        Assert.Equal(left, Policy.TriesLeft(failures));
        Assert.False(Policy.IsLocked(failures, Now));
    }

    [Fact]
    public void The_fifth_failure_locks_for_thirty_minutes()
    {
        var failures = FailTimes(5, Now)!;
        Assert.Equal(Now.AddMinutes(30), failures.LockedUntil);
        Assert.Equal(0, Policy.TriesLeft(failures));
        Assert.True(Policy.IsLocked(failures, Now.AddMinutes(29)));
        Assert.Equal(30, Policy.MinutesLocked(failures, Now));
        Assert.Equal(1, Policy.MinutesLocked(failures, Now.AddMinutes(29.5)));
        Assert.False(Policy.IsLocked(failures, Now.AddMinutes(30)));
        Assert.Equal(0, Policy.MinutesLocked(failures, Now.AddMinutes(30)));
    }

    [Fact]
    public void A_failure_racing_past_the_lock_does_not_extend_it()
    {
        var locked = FailTimes(5, Now)!;
        Assert.Same(locked, Policy.AfterFailure(locked, Now.AddMinutes(10)));
    }

    [Fact]
    public void After_the_lock_ends_the_count_starts_again()
    {
        var locked = FailTimes(5, Now)!;
        var later = Now.AddMinutes(31);
        Assert.Equal(new SignInFailures(1, later, null), Policy.AfterFailure(locked, later));
    }

    [Fact]
    public void Failures_a_day_old_are_forgotten()
    {
        var old = FailTimes(4, Now)!;
        Assert.Equal(5, Policy.AfterFailure(old, Now.AddHours(23)).Count);
        Assert.Equal(1, Policy.AfterFailure(old, Now.AddDays(1)).Count);
    }

    [Fact]
    public void A_configured_policy_uses_its_own_maximum_and_duration()
    {
        var policy = new SignInLockoutPolicy(MaxFailures: 3, LockMinutes: 10);
        var failures = policy.AfterFailure(policy.AfterFailure(null, Now), Now);
        Assert.Null(failures.LockedUntil);
        Assert.Equal(Now.AddMinutes(10), policy.AfterFailure(failures, Now).LockedUntil);
    }
}
