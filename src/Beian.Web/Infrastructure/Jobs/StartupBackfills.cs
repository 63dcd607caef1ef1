namespace Beian.Web.Infrastructure.Jobs;

/// <summary>
/// What a node fills in once when it starts, after the migrations: what rows stored by an older version lack. Each is
/// idempotent, works in batches and holds a lease so that one node does it.
/// </summary>
public interface IStartupBackfill
{
    /// <summary>What it fills, for the log ("filed websites added to the public read tables").</summary>
    string Filled { get; }

    /// <summary>How many rows it filled (0 as well when another node holds its lease).</summary>
    Task<int> RunAsync(string holder, CancellationToken cancellationToken);
}

/// <summary>Runs every registered <see cref="IStartupBackfill"/> once when the node starts; a failed one runs again at the next start.</summary>
public sealed class StartupBackfills(IServiceScopeFactory scopes, ILogger<StartupBackfills> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var holder = JobLeases.NewHolder();
        using var scope = scopes.CreateScope();
        foreach (var backfill in scope.ServiceProvider.GetServices<IStartupBackfill>())
        {
            try
            {
                var filled = await backfill.RunAsync(holder, stoppingToken);
                if (filled > 0) logger.LogInformation("{Count} {Filled}", filled, backfill.Filled);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Filling {Filled} failed; it runs again at the next start", backfill.Filled);
            }
        }
    }
}
