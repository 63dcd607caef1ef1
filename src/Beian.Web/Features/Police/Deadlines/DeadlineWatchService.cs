using Beian.Web.Infrastructure.Jobs;

namespace Beian.Web.Features.Police.Deadlines;

/// <summary>Runs <see cref="DeadlineWatch"/> every <c>Deadlines:CheckMinutes</c> on every node; the lease lets one act.</summary>
public sealed class DeadlineWatchService(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<DeadlineOptions> options,
    ILogger<DeadlineWatchService> logger) : BackgroundService
{
    private readonly string _holder = JobLeases.NewHolder();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CheckMinutes <= 0) return;
        var interval = TimeSpan.FromMinutes(options.Value.CheckMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var result = await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunAsync(_holder, stoppingToken);
                if (result.Ran && result.Warned + result.UnfiledFlagged + result.ClaimsFlagged > 0)
                    logger.LogInformation("Deadline watch: {Warned} reviewer warnings, {Unfiled} unfiled sites and {Claims} offline filings at shutdown risk",
                        result.Warned, result.UnfiledFlagged, result.ClaimsFlagged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The deadline watch failed; will retry");
            }
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
