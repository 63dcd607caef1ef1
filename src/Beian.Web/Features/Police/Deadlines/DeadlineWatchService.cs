using Beian.Web.Infrastructure.Jobs;

namespace Beian.Web.Features.Police.Deadlines;

/// <summary>Runs <see cref="DeadlineWatch"/> every <c>Deadlines:CheckMinutes</c> on every node; the lease lets one act.</summary>
public sealed class DeadlineWatchService(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<DeadlineOptions> options,
    ILogger<DeadlineWatchService> logger) : PeriodicJob(logger)
{
    private readonly string _holder = JobLeases.NewHolder();

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.CheckMinutes);
    protected override string FailureMessage => "The deadline watch failed; will retry";

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunAsync(_holder, cancellationToken);
        if (result.Ran && result.Warned + result.UnfiledFlagged + result.ClaimsFlagged + result.OthersWarned > 0)
            logger.LogInformation("Deadline watch: {Warned} reviewer warnings, {Unfiled} unfiled sites and {Claims} offline filings at shutdown risk, {Others} other deadline messages",
                result.Warned, result.UnfiledFlagged, result.ClaimsFlagged, result.OthersWarned);
    }
}
