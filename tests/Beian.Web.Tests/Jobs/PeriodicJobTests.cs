using Beian.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Beian.Web.Tests.Jobs;

/// <summary>A periodic job runs at start and after each interval, survives a failed run, and stays off at zero.</summary>
public sealed class PeriodicJobTests
{
    [Fact]
    public async Task A_failed_run_is_retried_at_the_next_interval()
    {
        var job = new CountingJob(TimeSpan.FromMilliseconds(20), failFirst: 2);
        await job.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (job.Succeeded < 2 && DateTime.UtcNow < deadline) await Task.Delay(10);
        await job.StopAsync(CancellationToken.None);

        Assert.True(job.Succeeded >= 2, $"{job.Runs} runs, {job.Succeeded} succeeded");
        Assert.True(job.Runs >= 4);
    }

    [Fact]
    public async Task An_interval_of_zero_never_runs()
    {
        var job = new CountingJob(TimeSpan.Zero, failFirst: 0);
        await job.StartAsync(CancellationToken.None);
        await Task.Delay(100);
        await job.StopAsync(CancellationToken.None);
        Assert.Equal(0, job.Runs);
    }

    private sealed class CountingJob(TimeSpan interval, int failFirst) : PeriodicJob(NullLogger.Instance)
    {
        private int _runs, _succeeded;
        public int Runs => Volatile.Read(ref _runs);
        public int Succeeded => Volatile.Read(ref _succeeded);

        protected override TimeSpan Interval => interval;
        protected override string FailureMessage => "The counting job failed; will retry";
        protected override LogLevel FailureLevel => LogLevel.Warning;

        public override Task RunOnceAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _runs) <= failFirst) throw new InvalidOperationException("a failed run");
            Interlocked.Increment(ref _succeeded);
            return Task.CompletedTask;
        }
    }
}
