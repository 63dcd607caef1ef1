using Beian.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Beian.Web.Features.Police.Exports;

/// <summary>Every <c>Exports:PollSeconds</c> on every node: writes the background exports waiting, one after another, each taken by one node only.</summary>
public sealed class BackgroundExportRunner(IServiceScopeFactory scopes, IOptions<ExportOptions> options, ILogger<BackgroundExportRunner> logger)
    : PeriodicJob(logger)
{
    private readonly string _holder = JobLeases.NewHolder();

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);
    protected override string FailureMessage => "Background exports failed; will retry";

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        bool ran;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            ran = await scope.ServiceProvider.GetRequiredService<BackgroundExportJobs>().RunNextAsync(_holder, cancellationToken);
        }
        while (ran && !cancellationToken.IsCancellationRequested);
    }
}
