using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Content;
using Beian.Web.Features.Demo;
using Beian.Web.Features.PoliceUnits;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Infrastructure.Hosting;

public static class DatabasePreparation
{
    private static readonly TimeSpan MigrationTimeout = TimeSpan.FromHours(2);

    /// <summary>
    /// Tables a migration rewrote row by row in its transaction, where neither VACUUM nor a compact index build can run:
    /// until autovacuum came, every index-only read of them visited the heap (after NameIndexByFilingOrder on 500,000 sites
    /// a name recheck's probe took 28 µs instead of 3), and the indexes built right after the rewrite held the old rows too
    /// (twice their size).
    /// </summary>
    private static readonly (string Migration, string[] Tables)[] RewritingMigrations =
    [
        ("NameIndexByFilingOrder", ["PublicWebsites", "PublicServices", "PublicWebsiteGrams", "PublicServiceGrams"]),
    ];

    /// <summary>On PostgreSQL, after the migrations just applied: their rewritten tables reindexed, vacuumed and analysed.</summary>
    private static async Task TidyRewrittenTablesAsync(BeianDbContext db, IReadOnlyList<string> applied)
    {
        if (!db.Database.IsNpgsql()) return;
        foreach (var (_, tables) in RewritingMigrations.Where(r => applied.Any(m => m.EndsWith("_" + r.Migration, StringComparison.Ordinal))))
        {
            foreach (var statement in TidyStatements(tables)) await db.Database.ExecuteSqlRawAsync(statement);
        }
    }

    /// <summary>REINDEX of each table, then one VACUUM ANALYZE of them all (the names are this class's constants, never input).</summary>
    private static IEnumerable<string> TidyStatements(string[] tables)
    {
        var quoted = tables.Select(t => $"\"{t}\"").ToList();
        return [.. quoted.Select(t => $"REINDEX TABLE {t}"), $"VACUUM ANALYZE {string.Join(", ", quoted)}"];
    }

    /// <summary>
    /// Applies migrations (EF takes a lock, so several nodes may start at once), loads the
    /// reference data and the starting public content and, in Development only, the demo accounts
    /// and the demo filed websites.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BeianDbContext>();
        // A migration that rewrites a national table (CompactColumns on the audit records) runs for minutes; at the default
        // 30 seconds it would be cancelled and rolled back on every start.
        db.Database.SetCommandTimeout(MigrationTimeout);
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        await TidyRewrittenTablesAsync(db, pending);
        db.Database.SetCommandTimeout(null);
        // Readers never block the writer on SQLite: a background export reads for minutes while it
        // reports its progress, and pages keep saving meanwhile. (A setting of the file; idempotent.)
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await services.GetRequiredService<Features.Calendar.HolidayCalendars>().ReloadAsync(db);
        await RoleSeeder.SeedAsync(services);
        await PoliceUnitSeeder.SeedAsync(db);
        await ContentSeeder.SeedAsync(db, services.GetRequiredService<TimeProvider>());
        if (!app.Environment.IsDevelopment() || !app.Configuration.GetValue("Demo:SeedAccounts", true)) return;
        await DemoAccounts.SeedAsync(services);
        if (app.Configuration.GetValue("Demo:SeedFilings", true))
            await DemoFilings.SeedAsync(services);
    }
}
