using Beian.Core.PublicQuery;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.PublicQuery;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.PublicQuery;

/// <summary>The migration's SQL builds, from the stored name keys, the very grams the projection writes (<see cref="NameGrams.CodesOf"/>).</summary>
public abstract class NameIndexMigrationTests(PlatformFixture platform)
{
    private static readonly string[] Keys =
    [
        "小米科技", "网网网", "a", "ab", "km跑团", "𠮷野家", "𠮷𠮷", "😀商店😀", "12306铁路", "龚鑫鑫", "ａｂ", "x\u00e9y", "\uffef\uffef",
    ];

    [Fact]
    public async Task The_migration_gives_each_stored_name_the_grams_the_projection_gives_it()
    {
        platform.RequireAvailable();
        var rows = await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var added = new List<PublicWebsite>();
            foreach (var key in Keys)
            {
                var row = new PublicWebsite
                {
                    WebsiteId = Guid.NewGuid(), SubjectId = Guid.NewGuid(), NumberDigits = $"9{Random.Shared.NextInt64(10_000_000_000_000):0000000000000}",
                    Name = key, NameKey = key, SubjectNature = SubjectNature.Organisation, UnitCode = "330106", FiledAt = DateTime.UtcNow,
                    FilingOrder = await FilingOrders.NextAsync<PublicWebsite>(db, CancellationToken.None),
                };
                db.PublicWebsites.Add(row);
                added.Add(row);
            }
            await db.SaveChangesAsync();
            return added;
        });
        var places = rows.Select(r => r.FilingOrder).ToList();

        var built = await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            // The migration's own statement, no input in it.
            var sql = $"""SELECT "Gram", "FilingOrder" FROM ({NameIndexMigration.WebsiteGramsSql(db.Database.IsNpgsql())}) AS g""";
            return await db.Database.SqlQueryRaw<GramRow>(sql)
                .Where(g => places.Contains(g.FilingOrder)).ToListAsync();
        });

        foreach (var row in rows)
            Assert.Equal(NameGrams.CodesOf(row.NameKey).Order(), built.Where(g => g.FilingOrder == row.FilingOrder).Select(g => g.Gram).Order());
        await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().PublicWebsites.Where(p => places.Contains(p.FilingOrder)).ExecuteDeleteAsync());
    }

    private sealed record GramRow(int Gram, int FilingOrder);
}

public sealed class NameIndexMigrationTests_Sqlite(SqlitePlatform platform) : NameIndexMigrationTests(platform), IClassFixture<SqlitePlatform>;

public sealed class NameIndexMigrationTests_Postgres(PostgresPlatform platform) : NameIndexMigrationTests(platform), IClassFixture<PostgresPlatform>;
