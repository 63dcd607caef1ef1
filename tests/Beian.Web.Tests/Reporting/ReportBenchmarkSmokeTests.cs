using Beian.Bench;
using Beian.Web.Data;
using Beian.Web.Features.Reporting;
using Beian.Web.Features.Unfiled;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Reporting;

/// <summary>
/// The benchmark's report command, small: a CDN report of hosts of a loaded dataset and unfiled domains, sent by a
/// 服务商 approved through the services and read by the platform, then matched by the baseline's one SQL statement;
/// both find the same domains filed, and the unfiled ones reach the police as 未备案网站. PostgreSQL only, as the
/// generator is.
/// </summary>
public sealed class ReportBenchmarkSmokeTests(ReportBenchmarkSmokeTests.Platform platform) : IClassFixture<ReportBenchmarkSmokeTests.Platform>
{
    /// <summary>Without the node's own reading of reports, which would take the benchmark's report before it is timed.</summary>
    public sealed class Platform : PostgresPlatform
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Reporting:ProcessSeconds"] = "0" };
    }

    [Fact]
    public async Task A_small_report_is_matched_alike_by_the_platform_and_by_the_baseline()
    {
        platform.RequireAvailable();
        var connectionString = platform.Services.GetRequiredService<IConfiguration>().GetConnectionString("Postgres")!;
        await new DatasetLoader(connectionString, _ => { }, platform.Services).LoadAsync(1500, seed: 5);

        var lines = new List<string>();
        var (table, rounds) = await ReportBenchmark.RunAsync(connectionString, new ReportBenchmarkOptions(Rows: 600, UnfiledPercent: 10, Rounds: 1),
            lines.Add, platform.Services);

        var round = Assert.Single(rounds);
        Assert.Equal((540, 60), (round.Platform.Filed, round.Platform.Unfiled));
        Assert.Equal((540, 60), (round.Baseline.Filed, round.Baseline.Unfiled));
        Assert.Contains("| 1 | 600 |", table);
        Assert.Contains("Both sides found the same", table);
        var (reporters, unfiled) = await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var approved = await db.Set<Reporter>().AsNoTracking().Where(r => r.Status == Core.Reporting.ReporterStatus.Approved).Select(r => r.Id).ToListAsync();
            var last = await db.Set<ServiceReport>().AsNoTracking().OrderByDescending(r => r.CreatedAt).Select(r => r.Id).FirstAsync();
            return (approved.Count, await db.Set<UnfiledSite>().CountAsync(u => u.BatchId == last && u.ImportedByUnitCode != ""));
        });
        Assert.Equal(2, reporters); // the warm-up's and the round's
        Assert.Equal(60, unfiled);
    }
}
