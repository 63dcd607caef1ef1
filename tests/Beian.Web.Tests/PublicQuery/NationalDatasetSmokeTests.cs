using System.Net.Http.Json;
using System.Text.Json;
using Beian.Bench;
using Beian.Core.Applications;
using Beian.Core.Filing;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Audit;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Beian.Web.Tests.PublicQuery;

/// <summary>
/// The benchmark's generator, small: a few thousand websites with their history loaded by COPY into the
/// platform's own schema; the platform's public query finds the filed ones by number, domain and name, every
/// site has the application that filed it, some wait in the queues, and the audit chain verifies.
/// PostgreSQL only, as the generator is.
/// </summary>
public sealed class NationalDatasetSmokeTests(PostgresPlatform platform) : IClassFixture<PostgresPlatform>
{
    private const int Sites = 3000;

    [Fact]
    public async Task A_small_national_dataset_loads_and_is_found_by_the_public_query()
    {
        platform.RequireAvailable();
        var connectionString = platform.Services.GetRequiredService<IConfiguration>().GetConnectionString("Postgres")!;
        var lines = new List<string>();
        await new DatasetLoader(connectionString, lines.Add, platform.Services).LoadAsync(Sites, seed: 3);
        Assert.Contains(lines, l => l.Contains("3,000 websites over"));

        var (counts, sample) = await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var counted = (await db.Websites.CountAsync(), await db.PublicWebsites.CountAsync(), await db.Subjects.CountAsync(),
                await db.Websites.CountAsync(w => w.Status == FilingStatus.Filed));
            var row = await db.PublicWebsites.AsNoTracking().OrderBy(p => p.NumberDigits).Skip(Sites / 3).FirstAsync();
            return (counted, row);
        });
        Assert.Equal(Sites, counts.Item1);
        Assert.Equal(counts.Item4, counts.Item2);
        Assert.InRange(counts.Item2, Sites * 9 / 10, Sites - 1);
        Assert.InRange(counts.Item3, Sites / 3, Sites);

        var history = await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var unfiled = await db.Websites.CountAsync(w => !db.Applications.Any(a => a.TargetId == w.Id && a.BusinessType == BusinessType.NewWebsite));
            var open = await db.Applications.CountAsync(a => OpenStatuses.All.Contains(a.Status));
            var verification = await s.GetRequiredService<AuditChainVerifier>().VerifyAsync();
            return (unfiled, open, verification);
        });
        Assert.Equal(0, history.unfiled);
        Assert.InRange(history.open, 1, Sites / 10);
        Assert.True(history.verification.Intact, history.verification.FirstProblem?.English);
        Assert.True(history.verification.Sealed > Sites * 5, $"{history.verification.Sealed} sealed records");
        Assert.Matches(@"^[\u4e00-\u9fa5]+$", sample.Name);

        using var visitor = platform.NewClient();
        Assert.Contains(sample.NumberDisplay, await ApiAsync(visitor, $"number={Uri.EscapeDataString(sample.NumberDisplay)}"));
        Assert.Contains(sample.NumberDisplay, await ApiAsync(visitor, $"domain=www.{sample.MainDomain!.Replace("www.", "")}"));
        Assert.Contains(sample.Name, await ApiAsync(visitor, $"name={Uri.EscapeDataString(sample.Name)}"));
        var piece = sample.Name[1..3];
        Assert.Contains(piece, await ApiAsync(visitor, $"name={Uri.EscapeDataString(piece)}"));
    }

    private static async Task<string> ApiAsync(PlatformClient visitor, string query)
    {
        var response = await visitor.Http.GetAsync($"/api/public/websites?{query}");
        Assert.True(response.IsSuccessStatusCode, $"{query}: {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetRawText();
    }
}
