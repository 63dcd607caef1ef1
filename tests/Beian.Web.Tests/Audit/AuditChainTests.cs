using Beian.Web.Data;
using Beian.Web.Features.Audit;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Beian.Web.Tests.Audit;

/// <summary>
/// The hash chain: the sealer links every record, the verifier recomputes it, and a DBA who alters
/// or deletes a record is found out. Every test leaves the chain intact for the next one (a
/// tampered record is put back), because all tests of a class share one database.
/// </summary>
public abstract class AuditChainTests(PlatformFixture platform)
{
    protected PlatformFixture Platform => platform;

    [Fact]
    public async Task The_sealer_links_every_record_in_order_and_the_verifier_passes()
    {
        platform.RequireAvailable();
        var ids = await SeedAsync(12);
        await SealAllAsync();

        var chain = await ChainAsync();
        Assert.Equal(Enumerable.Range(1, chain.Count).Select(i => (long)i), chain.Select(r => r.Sequence!.Value));
        var previous = AuditHashes.Genesis;
        foreach (var record in chain)
        {
            Assert.Equal(previous, record.PreviousHash);
            Assert.Equal(AuditHashes.Chain(previous, record.ContentHash), record.ChainHash);
            Assert.NotNull(record.SealedAt);
            previous = record.ChainHash!;
        }
        // Sealed oldest first.
        var seeded = chain.Where(r => ids.Contains(r.Id)).ToList();
        Assert.Equal(ids.Count, seeded.Count);
        Assert.Equal(seeded.Select(r => r.At).Order(), seeded.Select(r => r.At));

        var verification = await VerifyAsync();
        Assert.True(verification.Intact, string.Join("; ", verification.Summary()));
        Assert.Equal(chain.Count, verification.Sealed);
        Assert.Equal(chain[^1].Sequence, verification.LastSequence);
        Assert.Equal(chain[^1].ChainHash, verification.LastChainHash);
        Assert.StartsWith("审计日志完整", verification.Summary()[0]);
    }

    [Fact]
    public async Task An_altered_detail_or_outcome_is_reported_at_its_sequence()
    {
        platform.RequireAvailable();
        await SeedAsync(5);
        await SealAllAsync();
        var victim = (await ChainAsync())[^3];

        await AsDbaAsync("""UPDATE "AuditRecords" SET "Detail" = 'nothing happened' WHERE "Sequence" = {0}""", victim.Sequence!);
        var altered = await VerifyAsync();
        Assert.False(altered.Intact);
        Assert.Equal(AuditProblemKind.ContentAltered, altered.FirstProblem!.Kind);
        Assert.Equal(victim.Sequence, altered.FirstProblem.Sequence);
        Assert.Single(altered.Problems);
        Assert.Contains($"序号 {victim.Sequence} 的记录的内容与内容哈希不符", altered.Summary()[0]);
        await AsDbaAsync("""UPDATE "AuditRecords" SET "Detail" = {0} WHERE "Sequence" = {1}""", victim.Detail, victim.Sequence!);
        Assert.True((await VerifyAsync()).Intact);

        await AsDbaAsync("""UPDATE "AuditRecords" SET "Outcome" = 'Refused' WHERE "Sequence" = {0}""", victim.Sequence!);
        var outcome = await VerifyAsync();
        Assert.Equal((AuditProblemKind.ContentAltered, victim.Sequence), (outcome.FirstProblem!.Kind, outcome.FirstProblem.Sequence));
        await AsDbaAsync("""UPDATE "AuditRecords" SET "Outcome" = {0} WHERE "Sequence" = {1}""", victim.Outcome, victim.Sequence!);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_record_deleted_from_the_middle_is_reported_missing()
    {
        platform.RequireAvailable();
        await SeedAsync(5);
        await SealAllAsync();
        var victim = (await ChainAsync())[^3];

        await AsDbaAsync("""DELETE FROM "AuditRecords" WHERE "Sequence" = {0}""", victim.Sequence!);
        var verification = await VerifyAsync();
        Assert.False(verification.Intact);
        Assert.Equal(AuditProblemKind.Missing, verification.FirstProblem!.Kind);
        Assert.Equal(victim.Sequence, verification.FirstProblem.Sequence);
        Assert.Contains($"缺少序号 {victim.Sequence} 的记录", verification.Summary()[0]);
        Assert.Contains($"record {victim.Sequence} is missing", verification.Summary()[1]);

        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            db.AuditRecords.Add(victim); // put back exactly as it was
            return await db.SaveChangesAsync();
        });
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task The_verify_command_exits_0_when_intact_and_1_when_tampered()
    {
        platform.RequireAvailable();
        await SeedAsync(3);
        await SealAllAsync();
        var victim = (await ChainAsync())[^2];

        var (code, output) = await RunCommandAsync("audit", "verify");
        Assert.Equal(AuditCommand.Intact, code);
        Assert.Contains("审计日志完整", output);
        Assert.Contains("Audit log intact", output);

        await AsDbaAsync("""UPDATE "AuditRecords" SET "UserName" = 'someone-else' WHERE "Sequence" = {0}""", victim.Sequence!);
        (code, output) = await RunCommandAsync("audit", "verify");
        Assert.Equal(AuditCommand.Tampered, code);
        Assert.Contains($"first broken: record {victim.Sequence}", output);
        await AsDbaAsync("""UPDATE "AuditRecords" SET "UserName" = {0} WHERE "Sequence" = {1}""", victim.UserName, victim.Sequence!);

        Assert.Equal(AuditCommand.Error, (await RunCommandAsync("audit", "purge")).Code);
        Assert.Equal(new[] { "--Database:Provider=Postgres" }, AuditCommand.HostArguments(["audit", "verify", "--Database:Provider=Postgres"]));
    }

    [Fact]
    public async Task Sealers_running_in_parallel_never_give_one_sequence_twice()
    {
        platform.RequireAvailable();
        await SeedAsync(300);
        // Three nodes' sealers at once, each with its own lease holder.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(n => Task.Run(() => SealUntilDoneAsync($"node-{n}"))));
        // And, should a lease ever be lost mid-batch, two batches racing without it.
        await SeedAsync(300);
        using var start = new SemaphoreSlim(0);
        var racing = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            var sealedCount = 0;
            while (await UnsealedAsync() > 0)
                sealedCount += await platform.ScopedAsync(s => s.GetRequiredService<AuditSealer>().SealBatchAsync(CancellationToken.None));
            return sealedCount;
        })).ToList();
        start.Release(2);
        var sealedByRacers = await Task.WhenAll(racing);

        Assert.Equal(0, await UnsealedAsync());
        Assert.True(sealedByRacers.Sum() >= 300);
        var sequences = (await ChainAsync()).Select(r => r.Sequence!.Value).ToList();
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task The_background_sealer_seals_by_itself()
    {
        platform.RequireAvailable();
        await SeedAsync(3);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:SealSeconds"] = "0.05" }).Build();
        var service = new AuditSealerService(platform.Services.GetRequiredService<IServiceScopeFactory>(), configuration, NullLogger<AuditSealerService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await UnsealedAsync() > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
        Assert.Equal(0, await UnsealedAsync());
        Assert.True((await VerifyAsync()).Intact);
    }

    /// <summary>Records as a request would add them, saved in one go; returns their ids.</summary>
    protected Task<List<Guid>> SeedAsync(int count) =>
        platform.ScopedAsync(async s =>
        {
            var audit = s.GetRequiredService<AuditLog>();
            var ids = Enumerable.Range(0, count)
                .Select(i => audit.Record(AuditActions.ReadPersonalData, AuditObjectTypes.File, Guid.NewGuid().ToString(), detail: $"第{i}条").Id)
                .ToList();
            await s.GetRequiredService<BeianDbContext>().SaveChangesAsync();
            return ids;
        });

    protected async Task SealAllAsync()
    {
        await SealUntilDoneAsync("test-sealer");
        Assert.Equal(0, await UnsealedAsync());
    }

    private async Task SealUntilDoneAsync(string holder)
    {
        for (var round = 0; round < 1000 && await UnsealedAsync() > 0; round++)
        {
            var sealedNow = await platform.ScopedAsync(s => s.GetRequiredService<AuditSealer>().SealPendingAsync(holder));
            if (sealedNow == 0) await Task.Delay(5); // another holder has the lease
        }
    }

    private Task<int> UnsealedAsync() =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditRecords.CountAsync(r => r.Sequence == null));

    protected Task<List<AuditRecord>> ChainAsync() =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditRecords.AsNoTracking()
            .Where(r => r.Sequence != null).OrderBy(r => r.Sequence).ToListAsync());

    protected Task<AuditVerification> VerifyAsync() =>
        platform.ScopedAsync(s => s.GetRequiredService<AuditChainVerifier>().VerifyAsync());

    private async Task<(int Code, string Output)> RunCommandAsync(params string[] args)
    {
        var output = new StringWriter();
        var code = await AuditCommand.RunAsync(platform.Services, args, output);
        return (code, output.ToString());
    }

    protected Task<int> SqlAsync(string sql, params object[] parameters) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Database.ExecuteSqlRawAsync(sql, parameters));

    /// <summary>What a DBA could do by hand: on PostgreSQL only with the protecting trigger switched off first.</summary>
    private async Task AsDbaAsync(string sql, params object[] parameters)
    {
        var postgres = platform.Provider == DatabaseProvider.Postgres;
        if (postgres) await SqlAsync("""ALTER TABLE "AuditRecords" DISABLE TRIGGER USER""");
        try
        {
            Assert.Equal(1, await SqlAsync(sql, parameters));
        }
        finally
        {
            if (postgres) await SqlAsync("""ALTER TABLE "AuditRecords" ENABLE TRIGGER USER""");
        }
    }
}

public sealed class AuditChainTests_Sqlite(SqliteAuditPlatform platform) : AuditChainTests(platform), IClassFixture<SqliteAuditPlatform>;

public sealed class AuditChainTests_Postgres(PostgresAuditPlatform platform) : AuditChainTests(platform), IClassFixture<PostgresAuditPlatform>
{
    /// <summary>Only PostgreSQL has the trigger (AuditSql); SQLite relies on the DbContext and the chain.</summary>
    [Fact]
    public async Task Postgres_itself_refuses_to_change_or_delete_a_record()
    {
        Platform.RequireAvailable();
        await SeedAsync(2);
        await SealAllAsync();
        var victim = (await ChainAsync())[^1];
        await SeedAsync(1);
        var unsealed = await Platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().AuditRecords.AsNoTracking().SingleAsync(r => r.Sequence == null));

        string[] refused =
        [
            """UPDATE "AuditRecords" SET "Detail" = 'x' WHERE "Sequence" = {0}""",
            """UPDATE "AuditRecords" SET "ChainHash" = decode(repeat('0', 64), 'hex') WHERE "Sequence" = {0}""",
            """DELETE FROM "AuditRecords" WHERE "Sequence" = {0}""",
        ];
        foreach (var sql in refused)
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(sql, victim.Sequence!));
            Assert.Equal(PostgresErrorCodes.IntegrityConstraintViolation, error.SqlState);
        }
        await Assert.ThrowsAsync<PostgresException>(() => SqlAsync("""UPDATE "AuditRecords" SET "Outcome" = 'Failed' WHERE "Id" = {0}""", unsealed.Id));
        await Assert.ThrowsAsync<PostgresException>(() => SqlAsync("""UPDATE "AuditRecords" SET "Sequence" = 999999 WHERE "Id" = {0}""", unsealed.Id));
        await Assert.ThrowsAsync<PostgresException>(() => SqlAsync("""TRUNCATE "AuditRecords" """));

        await SealAllAsync(); // sealing, the one update allowed, still works
        Assert.True((await VerifyAsync()).Intact);
    }
}
