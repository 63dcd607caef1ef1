using Beian.Web.Infrastructure.Jobs;

namespace Beian.Web.Features.Police.Deadlines;

/// <summary>
/// Runs <see cref="DeadlineWatch"/> every <c>Deadlines:CheckMinutes</c>: the timer runs on every node, the first node in
/// each interval claims it (<see cref="JobLeases.TryClaimIntervalAsync"/>), and the watch's own lease keeps two runs apart.
/// </summary>
public sealed class DeadlineWatchService(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<DeadlineOptions> options,
    ILogger<DeadlineWatchService> logger) : PeriodicJob(logger)
{
    private readonly string _holder = JobLeases.NewHolder();

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.CheckMinutes);
    protected override string FailureMessage => "The deadline watch failed; will retry";

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().TryClaimIntervalAsync(DeadlineWatch.LeaseName, _holder, Interval, cancellationToken))
            return;
        var result = await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunAsync(_holder, cancellationToken);
        if (result.Ran)
            logger.LogInformation("Deadline watch ran: {Warned} reviewer warnings, {Unfiled} unfiled sites and {Claims} offline filings at shutdown risk, {Others} other deadline messages",
                result.Warned, result.UnfiledFlagged, result.ClaimsFlagged, result.OthersWarned);
    }
}
