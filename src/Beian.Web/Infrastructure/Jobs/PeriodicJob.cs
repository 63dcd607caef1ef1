namespace Beian.Web.Infrastructure.Jobs;

/// <summary>
/// A job every node runs on a timer: once at start, then again each <see cref="Interval"/> after the
/// last run ended. A failed run is logged and the next one retries; stopping the node ends the wait.
/// An interval of zero or less turns the job off on this node. A job that one node at a time may do
/// takes a <see cref="JobLeases"/> lease inside its run.
/// </summary>
public abstract class PeriodicJob(ILogger logger) : BackgroundService
{
    /// <summary>The wait between runs; zero or less: the job does not run on this node.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the log says when a run fails, e.g. "Housekeeping failed; will retry".</summary>
    protected abstract string FailureMessage { get; }

    protected virtual LogLevel FailureLevel => LogLevel.Error;

    /// <summary>One run, now (the timer's, or a test's).</summary>
    public abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        if (interval <= TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
#pragma warning disable CA2254 // each job's message is a constant of its own
                logger.Log(FailureLevel, ex, FailureMessage);
#pragma warning restore CA2254
            }
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
