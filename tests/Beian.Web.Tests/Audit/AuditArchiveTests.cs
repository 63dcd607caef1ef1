using System.Net;
using AngleSharp.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Audit;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Beian.Web.Tests.Audit;

/// <summary>
/// Archiving the audit log: sealed records older than the online period move into compressed blocks, the chain still
/// verifies across them, an altered block is found out, and 审计日志's 归档记录 searches them. Each test starts by archiving
/// whatever earlier tests left (blocks of one record), so its own records are the only rows.
/// </summary>
public abstract class AuditArchiveTests(PlatformFixture platform)
{
    protected PlatformFixture Platform => platform;
    private static readonly DateTime TwoYearsAgo = DateTime.UtcNow.AddYears(-2);

    [Fact]
    public async Task Full_blocks_of_records_past_the_online_period_are_archived_and_the_chain_still_verifies()
    {
        platform.RequireAvailable();
        await ArchiveRestAsync();
        var old = await SeedAsync(12, TwoYearsAgo);
        var recent = await SeedAsync(3, DateTime.UtcNow.AddDays(-1));
        await SealAllAsync();
        var before = await RowsAsync();

        // 12 old records: two blocks of 5; the last 2 would share a block with the recent ones, so they wait.
        var archived = await ArchiveAsync(DateTime.UtcNow.AddDays(-AuditArchiver.DefaultOnlineDays), blockSize: 5);
        Assert.Equal(10, archived);
        var rows = await RowsAsync();
        Assert.Equal(old[10..].Concat(recent), rows.Select(r => r.Id));

        var blocks = await BlocksAsync();
        var inBlocks = blocks.SelectMany(b => b.Records()).ToList();
        Assert.Equal(old[..10], inBlocks.TakeLast(10).Select(r => r.Id));
        // Read back, each archived record is the row it was, hashes and all.
        foreach (var record in inBlocks.TakeLast(10))
        {
            var was = before.Single(r => r.Id == record.Id);
            Assert.Equal((was.At, was.UserName, was.UnitCode, was.Action, was.ObjectId, was.SourceIp, was.Detail, was.Sequence, was.SealedAt),
                (record.At, record.UserName, record.UnitCode, record.Action, record.ObjectId, record.SourceIp, record.Detail, record.Sequence, record.SealedAt));
            Assert.Equal((was.ContentHash, was.PreviousHash, was.ChainHash), (record.ContentHash, record.PreviousHash, record.ChainHash));
        }

        var verification = await VerifyAsync();
        Assert.True(verification.Intact, string.Join("; ", verification.Summary()));
        Assert.Equal(inBlocks.Count + rows.Count, verification.Sealed);
        Assert.Equal(inBlocks.Count, verification.Archived);
        Assert.Equal(rows[^1].ChainHash, verification.LastChainHash);
        Assert.Contains($"其中已归档 {inBlocks.Count} 条", verification.Summary()[0]);
    }

    [Fact]
    public async Task A_block_whose_records_were_altered_or_damaged_is_reported()
    {
        platform.RequireAvailable();
        await ArchiveRestAsync();
        await SeedAsync(6, TwoYearsAgo);
        await SealAllAsync();
        await ArchiveAsync(DateTime.UtcNow, blockSize: 6);
        var block = (await BlocksAsync())[^1];
        var records = block.Records().ToList();
        var original = block.Payload;

        // A DBA rewrites one detail and packs the block again: the recomputed chain no longer ends at the block's hash.
        var forged = records.Select(r => r.Id == records[2].Id ? Forged(r, "nothing happened") : r).ToList();
        await AsDbaAsync("""UPDATE "AuditBlocks" SET "Payload" = {0} WHERE "FirstSequence" = {1}""", AuditBlockFormat.Pack(forged), block.FirstSequence);
        var altered = await VerifyAsync();
        Assert.Equal((AuditProblemKind.BlockAltered, block.FirstSequence), (altered.FirstProblem!.Kind, altered.FirstProblem.Sequence));
        Assert.Contains($"序号 {block.FirstSequence} 起的归档块（6 条记录）与其链哈希不符", altered.Summary()[0]);

        await AsDbaAsync("""UPDATE "AuditBlocks" SET "Payload" = {0} WHERE "FirstSequence" = {1}""", new byte[] { 1, 2, 3 }, block.FirstSequence);
        Assert.Equal(AuditProblemKind.BlockAltered, (await VerifyAsync()).FirstProblem!.Kind);

        await AsDbaAsync("""UPDATE "AuditBlocks" SET "Payload" = {0} WHERE "FirstSequence" = {1}""", original, block.FirstSequence);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_broken_chain_is_never_archived_over()
    {
        platform.RequireAvailable();
        await ArchiveRestAsync();
        await SeedAsync(4, TwoYearsAgo);
        await SealAllAsync();
        var victim = (await RowsAsync())[1];

        await AsDbaAsync("""UPDATE "AuditRecords" SET "Detail" = 'nothing happened' WHERE "Id" = {0}""", victim.Id);
        Assert.Equal(0, await ArchiveAsync(DateTime.UtcNow, blockSize: 4));
        Assert.Equal(4, (await RowsAsync()).Count);
        Assert.Equal(AuditProblemKind.ContentAltered, (await VerifyAsync()).FirstProblem!.Kind);

        await AsDbaAsync("""UPDATE "AuditRecords" SET "Detail" = {0} WHERE "Id" = {1}""", victim.Detail, victim.Id);
        Assert.Equal(4, await ArchiveAsync(DateTime.UtcNow, blockSize: 4));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task 归档记录_searches_a_period_with_the_filters_and_pages_without_a_record_twice_or_missing()
    {
        platform.RequireAvailable();
        await ArchiveRestAsync();
        var officer = $"a{Guid.NewGuid():N}"[..12];
        var at = new DateTime(2024, 5, 10, 2, 0, 0, DateTimeKind.Utc);
        var ids = await SeedAsync(Enumerable.Range(0, 130).Select(i => (
            AuditRecord.New(AuditActions.ReadPersonalData, AuditObjectTypes.File, Guid.NewGuid().ToString(), AuditOutcomes.Succeeded, $"第{i}条",
                at.AddMinutes(i)), new AuditActor("u-a", i < 120 ? officer : officer + "x", "330106", null))).ToArray());
        await SealAllAsync();
        await ArchiveAsync(DateTime.UtcNow, blockSize: 40);
        await ArchiveRestAsync();
        var (admin, _) = await AuditPlatform.StaffClientAsync(platform, Roles.Administrator, null);

        var recent = await admin.GetAsync("/Admin/Audit");
        Assert.Contains("的记录已归档，请在【归档记录】中查询", recent.QuerySelector("#archive-span")!.TextContent);
        Assert.DoesNotContain(ids.Select(id => id.ToString()), AuditPlatform.Ids(recent).Contains);

        // Opened from its tab, 归档记录 shows the archive's last month.
        var tab = await admin.GetAsync(recent.QuerySelector("#audit-tabs a:not(.active)")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, admin.LastResponse!.StatusCode);
        Assert.Equal("归档记录", tab.QuerySelector("#audit-tabs a.active")!.TextContent.Trim());
        Assert.Contains("已归档", tab.QuerySelector("#archive-span")!.TextContent);
        Assert.Equal("archive", tab.QuerySelector("form[role=search] input[name=scope]")!.GetAttribute("value"));

        var seen = new List<string>();
        var page = await admin.GetAsync($"/Admin/Audit?scope=archive&from=2024-05-01&to=2024-05-31&user={officer}");
        Assert.Contains(page.QuerySelectorAll("p"), p => p.TextContent.Trim() == "共 120 条");
        while (true)
        {
            seen.AddRange(AuditPlatform.Ids(page));
            var next = page.QuerySelector(".keyset-pager a[rel=next]")?.GetAttribute("href");
            if (next == null) break;
            Assert.Contains("scope=archive", next);
            page = await admin.GetAsync(next);
        }
        // Newest first, each of the officer's 120 once.
        Assert.Equal(ids[..120].Select(id => id.ToString()).Reverse(), seen);
        var last = await admin.GetAsync(page.QuerySelector(".keyset-pager a[rel=last]")!.GetAttribute("href")!);
        Assert.Equal(seen[^50..], AuditPlatform.Ids(last));
        var previous = await admin.GetAsync(last.QuerySelector(".keyset-pager a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(seen[^100..^50], AuditPlatform.Ids(previous));

        var one = (await BlocksAsync()).SelectMany(b => b.Records()).Single(r => r.Id == ids[125]).ObjectId;
        var row = Assert.Single(AuditPlatform.Rows(await admin.GetAsync($"/Admin/Audit?scope=archive&from=2024-05-10&to=2024-05-10&objectId={one}")));
        Assert.Equal("2024-05-10 12:05:00", row[1]);
        Assert.Equal("第125条", row[8]);

        var tooLong = await admin.GetAsync($"/Admin/Audit?scope=archive&from=2024-01-01&to=2024-05-31&user={officer}");
        Assert.Equal("归档记录每次最多查询31天，请缩短日期范围", tooLong.FieldError("To"));
        Assert.Equal($"2024-01-01", tooLong.QuerySelector("input[name=from]")!.GetAttribute("value"));
        Assert.Empty(AuditPlatform.Rows(tooLong));
        var noStart = await admin.GetAsync($"/Admin/Audit?scope=archive&to=2024-05-31");
        Assert.Equal("查询归档记录请选择开始日期", noStart.FieldError("From"));
    }

    private static AuditRecord Forged(AuditRecord record, string detail) =>
        AuditRecord.Archived(record.Id, record.At, record.UserId, record.UserName, record.UnitCode, record.Action, record.ObjectType,
            record.ObjectId, record.Outcome, record.SourceIp, detail, record.Sequence!.Value, record.SealedAt!.Value);

    protected Task<List<Guid>> SeedAsync(int count, DateTime at) =>
        SeedAsync(Enumerable.Range(0, count).Select(i => (
            AuditRecord.New(AuditActions.ReadPersonalData, AuditObjectTypes.File, Guid.NewGuid().ToString(), AuditOutcomes.Succeeded, $"第{i}条",
                at.AddSeconds(i)), new AuditActor("u-1", "archivist", i % 2 == 0 ? "330106" : null, i % 3 == 0 ? null : "198.51.100.7"))).ToArray());

    private Task<List<Guid>> SeedAsync(params (AuditRecord Record, AuditActor Actor)[] records) =>
        platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            foreach (var (record, actor) in records)
            {
                record.AttributeTo(actor);
                db.Add(record);
            }
            await db.SaveChangesAsync();
            return records.Select(r => r.Record.Id).ToList();
        });

    protected async Task SealAllAsync()
    {
        while (await platform.ScopedAsync(s => s.GetRequiredService<AuditSealer>().SealBatchAsync(CancellationToken.None)) > 0)
        {
        }
    }

    /// <summary>Every full block due at <paramref name="cutoff"/>; how many records went.</summary>
    protected async Task<int> ArchiveAsync(DateTime cutoff, int blockSize)
    {
        var total = 0;
        int archived;
        while ((archived = await platform.ScopedAsync(s => s.GetRequiredService<AuditArchiver>().ArchiveBlockAsync(cutoff, blockSize, CancellationToken.None))) > 0)
            total += archived;
        return total;
    }

    /// <summary>Whatever is still a row, sealed and archived one record a block.</summary>
    protected async Task ArchiveRestAsync()
    {
        await SealAllAsync();
        await ArchiveAsync(DateTime.MaxValue, blockSize: 1);
        var verification = await VerifyAsync();
        Assert.True(verification.Intact, string.Join("; ", verification.Problems.Select(p => p.English)));
    }

    protected Task<List<AuditRecord>> RowsAsync() =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditRecords.AsNoTracking()
            .Where(r => r.Sequence != null).OrderBy(r => r.Sequence).ToListAsync());

    protected Task<List<AuditBlock>> BlocksAsync() =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditBlocks.AsNoTracking().OrderBy(b => b.FirstSequence).ToListAsync());

    protected Task<AuditVerification> VerifyAsync() =>
        platform.ScopedAsync(s => s.GetRequiredService<AuditChainVerifier>().VerifyAsync());

    protected Task<int> SqlAsync(string sql, params object[] parameters) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Database.ExecuteSqlRawAsync(sql, parameters));

    /// <summary>What a DBA could do by hand: on PostgreSQL only with the protecting triggers switched off first.</summary>
    private async Task AsDbaAsync(string sql, params object[] parameters)
    {
        var postgres = platform.Provider == DatabaseProvider.Postgres;
        if (postgres) await SqlAsync("""ALTER TABLE "AuditRecords" DISABLE TRIGGER USER; ALTER TABLE "AuditBlocks" DISABLE TRIGGER USER""");
        try
        {
            Assert.Equal(1, await SqlAsync(sql, parameters));
        }
        finally
        {
            if (postgres) await SqlAsync("""ALTER TABLE "AuditRecords" ENABLE TRIGGER USER; ALTER TABLE "AuditBlocks" ENABLE TRIGGER USER""");
        }
    }
}

public sealed class AuditArchiveTests_Sqlite(SqliteAuditPlatform platform) : AuditArchiveTests(platform), IClassFixture<SqliteAuditPlatform>;

public sealed class AuditArchiveTests_Postgres(PostgresAuditPlatform platform) : AuditArchiveTests(platform), IClassFixture<PostgresAuditPlatform>
{
    /// <summary>The trigger lets a sealed record go only once a block holds it, and a block never.</summary>
    [Fact]
    public async Task Postgres_deletes_a_record_only_once_archived_and_never_changes_a_block()
    {
        Platform.RequireAvailable();
        await ArchiveRestAsync();
        await SeedAsync(3, DateTime.UtcNow.AddYears(-2));
        await SealAllAsync();
        var rows = await RowsAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => SqlAsync("""DELETE FROM "AuditRecords" WHERE "Id" = {0}""", rows[0].Id));
        Assert.Equal(PostgresErrorCodes.IntegrityConstraintViolation, refused.SqlState);

        await ArchiveAsync(DateTime.UtcNow, blockSize: 3);
        var block = (await BlocksAsync())[^1];
        foreach (var sql in new[]
                 {
                     """UPDATE "AuditBlocks" SET "LastChainHash" = 'x' WHERE "FirstSequence" = {0}""",
                     """DELETE FROM "AuditBlocks" WHERE "FirstSequence" = {0}""",
                 })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(sql, block.FirstSequence));
            Assert.Equal(PostgresErrorCodes.IntegrityConstraintViolation, error.SqlState);
        }
        await Assert.ThrowsAsync<PostgresException>(() => SqlAsync("""TRUNCATE "AuditBlocks" """));
        Assert.True((await VerifyAsync()).Intact);
    }
}
