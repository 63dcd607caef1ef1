using Beian.Core.Reporting;
using Beian.Web.Data;
using Beian.Web.Features.Reporting;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Persistence;

/// <summary>
/// <see cref="BulkInsert"/>: rows written with the model's columns and conversions (an enum kept as its name, a date, a
/// UTC timestamp, nulls) read back as they were, inside the caller's transaction (rolled back, nothing stays).
/// </summary>
public abstract class BulkInsertTests(PlatformFixture platform)
{
    [Fact]
    public async Task Rows_read_back_as_written_and_a_rollback_leaves_none()
    {
        platform.RequireAvailable();
        var reporterId = Guid.NewGuid();
        var at = new DateTime(2026, 12, 6, 8, 30, 15, DateTimeKind.Utc);
        ReportedSite[] sites =
        [
            new() { Id = Guid.CreateVersion7(), ReporterId = reporterId, LastReportId = Guid.NewGuid(), ContentHash = new string('a', 64), FirstReportedAt = at,
                UpdatedAt = at, RegionCode = "330106", Domain = "bulk-a.cn", Kind = ReportKind.Cdn, Ips = "1.2.3.4；5.6.7.0-5.6.7.255", HolderName = "客户甲",
                HolderCertificateHash = new string('b', 64), DeclaredNumberDigits = "33010602000001", WebsiteId = Guid.NewGuid(), UnitCode = "330106" },
            new() { Id = Guid.CreateVersion7(), ReporterId = reporterId, LastReportId = Guid.NewGuid(), ContentHash = new string('c', 64), FirstReportedAt = at,
                UpdatedAt = at, Domain = "bulk-b.cn", Kind = ReportKind.IpRanges },
        ];
        ReportedIpRange[] ranges =
        [
            new() { Id = Guid.CreateVersion7(), ReporterId = reporterId, LastReportId = Guid.NewGuid(), ContentHash = new string('d', 64), FirstReportedAt = at,
                UpdatedAt = at, StartKey = new string('0', 32), EndKey = new string('f', 32), RangeText = "::-ffff::", Purpose = "网站", UnitName = "单位",
                UnitCertificateHash = new string('e', 64), AssignedOn = new DateOnly(2026, 2, 28) },
        ];

        await InTransactionAsync(commit: false, sites, ranges);
        Assert.Equal(0, await CountAsync(reporterId));

        await InTransactionAsync(commit: true, sites, ranges);
        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var read = await db.Set<ReportedSite>().AsNoTracking().Where(r => r.ReporterId == reporterId).OrderBy(r => r.Domain).ToListAsync();
            Assert.Equivalent(sites, read, strict: true);
            Assert.All(read, r => Assert.Equal(DateTimeKind.Utc, r.UpdatedAt.Kind));
            Assert.Equivalent(ranges, await db.Set<ReportedIpRange>().AsNoTracking().Where(r => r.ReporterId == reporterId).ToListAsync(), strict: true);
            // The enum is stored as its name, as EF stores it.
            Assert.Equal(1, await db.Set<ReportedSite>().CountAsync(r => r.ReporterId == reporterId && r.Kind == ReportKind.Cdn));
            return 0;
        });
    }

    private Task<int> InTransactionAsync(bool commit, ReportedSite[] sites, ReportedIpRange[] ranges) =>
        platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.InsertAsync(sites, CancellationToken.None);
            await db.InsertAsync(ranges, CancellationToken.None);
            await db.SaveChangesAsync();
            if (commit) await transaction.CommitAsync();
            else await transaction.RollbackAsync();
            return 0;
        });

    private Task<int> CountAsync(Guid reporterId) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Set<ReportedSite>().CountAsync(r => r.ReporterId == reporterId));
}

public sealed class BulkInsertTests_Sqlite(SqlitePlatform platform) : BulkInsertTests(platform), IClassFixture<SqlitePlatform>;

public sealed class BulkInsertTests_Postgres(PostgresPlatform platform) : BulkInsertTests(platform), IClassFixture<PostgresPlatform>;
