using Beian.Web.Data;
using Beian.Web.Infrastructure.Jobs;
using Beian.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Jobs;

/// <summary>A job lease has one holder at a time, on every node, until it is released or expires.</summary>
public abstract class JobLeaseTests(PlatformFixture platform)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task One_holder_at_a_time_until_released_or_expired()
    {
        platform.RequireAvailable();
        var name = $"test-{Guid.NewGuid():N}";
        var clock = new ManualClock(DateTime.UtcNow);

        Assert.True(await UseAsync(clock, l => l.TryAcquireAsync(name, "node-a", Minute)));
        Assert.True(await UseAsync(clock, l => l.TryAcquireAsync(name, "node-a", Minute))); // re-entrant for its holder
        Assert.False(await UseAsync(clock, l => l.TryAcquireAsync(name, "node-b", Minute)));
        Assert.True(await UseAsync(clock, l => l.RenewAsync(name, "node-a", Minute)));
        Assert.False(await UseAsync(clock, l => l.RenewAsync(name, "node-b", Minute)));

        await UseAsync(clock, async l => { await l.ReleaseAsync(name, "node-b"); return true; }); // not b's to release
        Assert.False(await UseAsync(clock, l => l.TryAcquireAsync(name, "node-b", Minute)));
        await UseAsync(clock, async l => { await l.ReleaseAsync(name, "node-a"); return true; });
        Assert.True(await UseAsync(clock, l => l.TryAcquireAsync(name, "node-b", Minute)));

        // node-b stops renewing (it died): after expiry node-a takes over and node-b cannot renew.
        clock.Advance(Minute + TimeSpan.FromSeconds(1));
        Assert.True(await UseAsync(clock, l => l.TryAcquireAsync(name, "node-a", Minute)));
        Assert.False(await UseAsync(clock, l => l.RenewAsync(name, "node-b", Minute)));
    }

    [Fact]
    public async Task An_interval_is_claimed_by_the_first_node_and_by_nobody_else_until_it_has_passed()
    {
        platform.RequireAvailable();
        var name = $"interval-{Guid.NewGuid():N}";
        var clock = new ManualClock(DateTime.UtcNow);
        var hour = TimeSpan.FromHours(1);

        Assert.True(await UseAsync(clock, l => l.TryClaimIntervalAsync(name, "node-a", hour)));
        Assert.False(await UseAsync(clock, l => l.TryClaimIntervalAsync(name, "node-b", hour)));
        // The job's own lease is another: the interval's claim does not hold it.
        Assert.True(await UseAsync(clock, l => l.TryAcquireAsync(name, "node-b", Minute)));
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(await UseAsync(clock, l => l.TryClaimIntervalAsync(name, "node-c", hour)));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await UseAsync(clock, l => l.TryClaimIntervalAsync(name, "node-c", hour)));
        Assert.False(await UseAsync(clock, l => l.TryClaimIntervalAsync(name, "node-a", hour)));
    }

    [Fact]
    public async Task Of_many_nodes_racing_for_a_new_lease_exactly_one_wins()
    {
        platform.RequireAvailable();
        var name = $"race-{Guid.NewGuid():N}";
        using var start = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await UseAsync(TimeProvider.System, l => l.TryAcquireAsync(name, $"node-{n}", Minute));
        })).ToList();
        start.Release(racers.Count);
        Assert.Single(await Task.WhenAll(racers), won => won);
    }

    [Fact]
    public async Task Work_done_while_holding_gives_the_lease_up_even_when_it_fails_and_is_skipped_while_another_holds_it()
    {
        platform.RequireAvailable();
        var name = $"work-{Guid.NewGuid():N}";
        var clock = TimeProvider.System;

        await Assert.ThrowsAsync<InvalidOperationException>(() => UseAsync(clock, l =>
            l.WhileHoldingAsync<bool>(name, "node-a", Minute, notHeld: false, () => throw new InvalidOperationException("the work failed"),
                CancellationToken.None)));
        Assert.True(await UseAsync(clock, l => l.TryAcquireAsync(name, "node-b", Minute))); // released by node-a's failure

        var ran = false;
        Assert.False(await UseAsync(clock, l => l.WhileHoldingAsync(name, "node-a", Minute, notHeld: false, () => Task.FromResult(ran = true),
            CancellationToken.None)));
        Assert.False(ran);
        Assert.True(await UseAsync(clock, l => l.RenewAsync(name, "node-b", Minute))); // still node-b's
    }

    private Task<bool> UseAsync(TimeProvider clock, Func<JobLeases, Task<bool>> use) =>
        platform.ScopedAsync(s => use(new JobLeases(s.GetRequiredService<BeianDbContext>(), clock)));
}

public sealed class JobLeaseTests_Sqlite(SqlitePlatform platform) : JobLeaseTests(platform), IClassFixture<SqlitePlatform>;

public sealed class JobLeaseTests_Postgres(PostgresPlatform platform) : JobLeaseTests(platform), IClassFixture<PostgresPlatform>;
