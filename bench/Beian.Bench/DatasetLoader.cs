using System.Diagnostics;
using Beian.Core.Filing;
using Beian.Core.PublicQuery;
using Beian.Web.Data;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Hosting;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Audit;
using Beian.Web.Features.PublicQuery;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Websites;
using Npgsql;
using NpgsqlTypes;

namespace Beian.Bench;

/// <summary>
/// Loads a <see cref="NationalDataset"/> into the platform's own PostgreSQL schema (migrated by
/// starting the platform once): 开办主体, 网站 and the public read tables of 公共查询, with binary
/// COPY on one connection per table while the keys, the secondary indexes and the one foreign key
/// are off, then builds them again, sets the number sequences, counts the common name grams as the
/// platform's job would, ANALYZEs, and VACUUMs the public read
/// tables (so that the name index is read index-only from the start, as autovacuum would have it).
/// </summary>
public sealed class DatasetLoader(string connectionString, Action<string> log, IServiceProvider? platform = null)
{
    private static readonly string[] Tables = ["Subjects", "Websites", "PublicWebsites", "PublicWebsiteDomains", "PublicWebsiteGrams"];

    /// <summary>The history's tables: empty in the freshly created database (the audit records refuse TRUNCATE).</summary>
    private static readonly string[] HistoryTables = ["Applications", "ApplicationTransitions", "RecordTransitions", "AuditRecords", "AuditBlocks", "SiteMessages"];

    private static readonly string[] AllTables = [.. Tables, .. HistoryTables];

    public async Task LoadAsync(int sites, int seed, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var (subjectCiphers, websiteCiphers) = await SampleCiphersAsync();
        log($"{subjectCiphers.Length + websiteCiphers.Length} full contents sealed by the platform: {subjectCiphers.Average(c => c.Length):F0} bytes stored a subject, {websiteCiphers.Average(c => c.Length):F0} a website");
        await using var admin = new NpgsqlConnection(connectionString);
        await admin.OpenAsync(cancellationToken);
        await ExecuteAsync(admin, $"TRUNCATE {string.Join(", ", Tables.Select(Quote))}, \"NumberSequences\"", cancellationToken);
        var indexes = await SecondaryIndexesAsync(admin, cancellationToken);
        var foreignKeys = await ConstraintsAsync(admin, 'f', cancellationToken);
        var primaryKeys = await ConstraintsAsync(admin, 'p', cancellationToken);
        foreach (var (table, name, _) in foreignKeys.Concat(primaryKeys))
            await ExecuteAsync(admin, $"ALTER TABLE {Quote(table)} DROP CONSTRAINT {Quote(name)}", cancellationToken);
        foreach (var (name, _) in indexes) await ExecuteAsync(admin, $"DROP INDEX {Quote(name)}", cancellationToken);
        log($"schema ready, {primaryKeys.Count} keys, {indexes.Count} indexes and {foreignKeys.Count} foreign keys off ({clock.Elapsed.TotalSeconds:F0} s)");

        var dataset = new NationalDataset(seed);
        var written = await CopyAsync(dataset, sites, subjectCiphers, websiteCiphers, await AuditHeadAsync(admin, cancellationToken), cancellationToken);
        log($"copied {written.Subjects:N0} subjects, {written.Sites:N0} websites, {written.Hosts:N0} hosts, {written.Grams:N0} name grams, " +
            $"{written.History.Applications:N0} applications ({written.History.Open:N0} open), {written.History.AuditRecords:N0} audit records ({written.History.AuditBlocks:N0} archive blocks) ({clock.Elapsed.TotalSeconds:F0} s)");

        var builds = primaryKeys.Select(k => (k.Name, $"ALTER TABLE {Quote(k.Table)} ADD CONSTRAINT {Quote(k.Name)} {k.Definition}"))
            .Concat(indexes).OrderByDescending(b => b.Item1 == "PK_PublicWebsiteGrams").ToList();
        await Task.WhenAll(TwoShares(builds).Select(share => BuildIndexesAsync(share, cancellationToken)));
        foreach (var (table, name, definition) in foreignKeys)
            await ExecuteAsync(admin, $"ALTER TABLE {Quote(table)} ADD CONSTRAINT {Quote(name)} {definition}", cancellationToken);
        await SetSequencesAsync(admin, dataset.Serials, cancellationToken);
        await ExecuteAsync(admin, $"""SELECT setval('"{FilingOrders.Sequence}"', (SELECT greatest(1, max("FilingOrder")) FROM "PublicWebsites"))""", cancellationToken);
        await ExecuteAsync(admin, CommonGrams.RecountSql, cancellationToken, timeoutSeconds: 0);
        foreach (var table in AllTables)
        {
            var command = table.StartsWith("Public", StringComparison.Ordinal) ? "VACUUM ANALYZE" : "ANALYZE";
            await ExecuteAsync(admin, $"{command} {Quote(table)}", cancellationToken, timeoutSeconds: 0);
        }
        log($"indexes built and analysed ({clock.Elapsed.TotalSeconds:F0} s)");
        await RunStartupBackfillsAsync(cancellationToken);
        log($"{sites:N0} websites over {dataset.Serials.Count:N0} counties with their history in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// What a node builds from the data when it starts (the kept statistics from the applications …), so that the first
    /// start of the platform on the dataset does not pay for it: a node started here, on the loaded data. A platform the
    /// caller passed ran its backfills when it started, before this data; they are not run again.
    /// </summary>
    private async Task RunStartupBackfillsAsync(CancellationToken cancellationToken)
    {
        if (platform != null) return;
        await using var host = new BenchHost(connectionString);
        await host.Services.GetServices<IHostedService>().OfType<StartupBackfills>().Single().ExecuteTask!.WaitAsync(cancellationToken);
    }

    /// <summary>Where the audit chain ends (records the platform sealed while it migrated the database), so the history continues it.</summary>
    private static async Task<(long Sequence, string ChainHash)> AuditHeadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT "Sequence", "ChainHash" FROM "AuditRecords" WHERE "Sequence" IS NOT NULL ORDER BY "Sequence" DESC LIMIT 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(1))) : (0, Beian.Web.Features.Audit.AuditHashes.Genesis);
    }

    /// <summary>The builds on two connections: the biggest (the grams' key, first in the list) alone, and all the others.</summary>
    private static IEnumerable<IEnumerable<(string Name, string Definition)>> TwoShares(List<(string Name, string Definition)> builds) =>
        [builds.Take(1), builds.Skip(1)];

    private async Task<(long Subjects, long Sites, long Hosts, long Grams, DatasetHistory History)> CopyAsync(NationalDataset dataset, int sites,
        byte[][] subjectCiphers, byte[][] websiteCiphers, (long Sequence, string ChainHash) auditHead, CancellationToken cancellationToken)
    {
        await using var subjects = await ImporterAsync("Subjects",
            "\"Id\", \"OwnerUserId\", \"Nature\", \"Name\", \"DataCipher\", \"CertificateHash\", \"PrincipalCertificateHash\", \"PrincipalMobileHash\", \"JurisdictionUnitCode\", \"Status\", \"CreatedAt\", \"ApprovedAt\", \"Version\"", cancellationToken);
        await using var websites = await ImporterAsync("Websites",
            "\"Id\", \"SubjectId\", \"OwnerUserId\", \"Name\", \"MainDomain\", \"RegistrableDomain\", \"Ips\", \"AccessProviderName\", \"Interactive\", \"DataCipher\", \"JurisdictionUnitCode\", \"Status\", \"NumberDigits\", \"NumberDisplay\", \"CreatedAt\", \"FiledAt\", \"CancelledAt\", \"Version\"", cancellationToken);
        await using var publics = await ImporterAsync("PublicWebsites",
            "\"WebsiteId\", \"SubjectId\", \"NumberDigits\", \"NumberDisplay\", \"Name\", \"NameKey\", \"MainDomain\", \"SubDomains\", \"SubjectNature\", \"HolderName\", \"Interactive\", \"UnitCode\", \"UnitName\", \"FiledAt\", \"FilingOrder\"", cancellationToken);
        await using var hosts = await ImporterAsync("PublicWebsiteDomains", "\"Host\", \"WebsiteId\"", cancellationToken);
        await using var grams = await ImporterAsync("PublicWebsiteGrams", "\"Gram\", \"FilingOrder\"", cancellationToken);
        await using var applications = await ImporterAsync("Applications", DatasetHistory.ApplicationColumns, cancellationToken);
        await using var applicationSteps = await ImporterAsync("ApplicationTransitions", DatasetHistory.ApplicationTransitionColumns, cancellationToken);
        await using var recordSteps = await ImporterAsync("RecordTransitions", DatasetHistory.RecordTransitionColumns, cancellationToken);
        await using var audit = await ImporterAsync("AuditRecords", DatasetHistory.AuditColumns, cancellationToken);
        await using var auditBlocks = await ImporterAsync("AuditBlocks", DatasetHistory.AuditBlockColumns, cancellationToken);
        await using var messages = await ImporterAsync("SiteMessages", DatasetHistory.SiteMessageColumns, cancellationToken);
        var now = DateTime.UtcNow;
        var history = new DatasetHistory(new DatasetHistory.Targets(applications.Importer, applicationSteps.Importer, recordSteps.Importer,
            audit.Importer, auditBlocks.Importer, messages.Importer), subjectCiphers, websiteCiphers, auditHead,
            archiveBefore: now.AddDays(-AuditArchiver.DefaultOnlineDays));

        long subjectCount = 0, siteCount = 0, hostCount = 0, gramCount = 0;
        // The sites come in filing order (a subject's second and third a few minutes after its first): their place in it.
        var filingOrder = 0;
        foreach (var subject in dataset.Subjects(sites, now))
        {
            var owner = $"bench-{subject.Id:N}";
            var unitName = Beian.Core.PoliceUnits.PoliceUnitCatalog.Default.Find(subject.UnitCode)?.Name ?? subject.UnitCode;
            WriteSubject(subjects.Importer, subject, owner, subjectCiphers[subjectCount % subjectCiphers.Length]);
            history.Add(subject, owner, subjectCount);
            subjectCount++;
            foreach (var site in subject.Sites)
            {
                WriteWebsite(websites.Importer, subject, site, owner, websiteCiphers[siteCount % websiteCiphers.Length]);
                if (!site.Public)
                {
                    siteCount++;
                    continue;
                }
                WritePublic(publics.Importer, subject, site, unitName, ++filingOrder);
                foreach (var host in DomainLookup.HostsOf(site.MainDomain, site.SubDomains))
                {
                    hosts.Importer.StartRow();
                    hosts.Importer.Write(host, NpgsqlDbType.Varchar);
                    hosts.Importer.Write(site.Id, NpgsqlDbType.Uuid);
                    hostCount++;
                }
                foreach (var gram in NameGrams.CodesOf(site.NameKey))
                {
                    grams.Importer.StartRow();
                    grams.Importer.Write(gram, NpgsqlDbType.Integer);
                    grams.Importer.Write(filingOrder, NpgsqlDbType.Integer);
                    gramCount++;
                }
                if (++siteCount % 500_000 == 0) log($"  {siteCount:N0} websites written");
            }
        }
        history.Complete();
        foreach (var importer in new[] { subjects, websites, publics, hosts, grams, applications, applicationSteps, recordSteps, audit, auditBlocks, messages })
            await importer.Importer.CompleteAsync(cancellationToken);
        return (subjectCount, siteCount, hostCount, gramCount, history);
    }

    private static void WriteSubject(NpgsqlBinaryImporter row, GeneratedSubject subject, string owner, byte[] cipher)
    {
        row.StartRow();
        row.Write(subject.Id, NpgsqlDbType.Uuid);
        row.Write(owner, NpgsqlDbType.Varchar);
        row.Write(subject.Nature.ToString(), NpgsqlDbType.Varchar);
        row.Write(subject.Name, NpgsqlDbType.Varchar);
        row.Write(cipher, NpgsqlDbType.Bytea);
        // Keyed hashes are 64 hex characters; these are unique stand-ins, never looked up here.
        row.Write(subject.Id.ToString("N") + subject.Id.ToString("N"), NpgsqlDbType.Varchar);
        row.Write(subject.Id.ToString("N") + "00000000000000000000000000000000", NpgsqlDbType.Varchar);
        row.Write(subject.Id.ToString("N") + "11111111111111111111111111111111", NpgsqlDbType.Varchar);
        row.Write(subject.UnitCode, NpgsqlDbType.Varchar);
        row.Write("Valid", NpgsqlDbType.Varchar);
        row.Write(subject.ApprovedAt.AddDays(-3), NpgsqlDbType.TimestampTz);
        row.Write(subject.ApprovedAt, NpgsqlDbType.TimestampTz);
        row.Write(1, NpgsqlDbType.Integer);
    }

    private static void WriteWebsite(NpgsqlBinaryImporter row, GeneratedSubject subject, GeneratedSite site, string owner, byte[] cipher)
    {
        row.StartRow();
        row.Write(site.Id, NpgsqlDbType.Uuid);
        row.Write(subject.Id, NpgsqlDbType.Uuid);
        row.Write(owner, NpgsqlDbType.Varchar);
        row.Write(site.Name, NpgsqlDbType.Varchar);
        row.Write(site.MainDomain, NpgsqlDbType.Varchar);
        row.Write(site.RegistrableDomain, NpgsqlDbType.Varchar);
        row.Write(string.Empty, NpgsqlDbType.Varchar); // the sample contents file no IPs
        row.Write(string.Empty, NpgsqlDbType.Varchar); // nor an access provider
        row.Write(site.Interactive, NpgsqlDbType.Boolean);
        row.Write(cipher, NpgsqlDbType.Bytea);
        row.Write(subject.UnitCode, NpgsqlDbType.Varchar);
        row.Write(StatusOf(site).ToString(), NpgsqlDbType.Varchar);
        if (site.NumberDigits == null)
        {
            row.WriteNull();
            row.WriteNull();
        }
        else
        {
            row.Write(site.NumberDigits, NpgsqlDbType.Varchar);
            row.Write(site.NumberDisplay!, NpgsqlDbType.Varchar);
        }
        row.Write(site.SubmittedAt, NpgsqlDbType.TimestampTz);
        if (site.Life == SiteLife.Open) row.WriteNull(); else row.Write(site.FiledAt, NpgsqlDbType.TimestampTz);
        if (site.Life == SiteLife.Cancelled) row.Write(site.LaterAt, NpgsqlDbType.TimestampTz); else row.WriteNull();
        row.Write(site.Life switch { SiteLife.Open => 1, SiteLife.Filed => 2, _ => 4 }, NpgsqlDbType.Integer);
    }

    private static FilingStatus StatusOf(GeneratedSite site) => site.Life switch
    {
        SiteLife.Open => FilingStatus.Pending,
        SiteLife.Cancelled => FilingStatus.Cancelled,
        _ => FilingStatus.Filed,
    };

    private static void WritePublic(NpgsqlBinaryImporter row, GeneratedSubject subject, GeneratedSite site, string unitName, int filingOrder)
    {
        var key = site.NameKey;
        row.StartRow();
        row.Write(site.Id, NpgsqlDbType.Uuid);
        row.Write(subject.Id, NpgsqlDbType.Uuid);
        row.Write(site.NumberDigits, NpgsqlDbType.Varchar);
        row.Write(site.NumberDisplay, NpgsqlDbType.Varchar);
        row.Write(site.Name, NpgsqlDbType.Varchar);
        row.Write(key, NpgsqlDbType.Varchar);
        row.Write(site.MainDomain, NpgsqlDbType.Varchar);
        row.Write(string.Join('\n', site.SubDomains), NpgsqlDbType.Text);
        row.Write(subject.Nature.ToString(), NpgsqlDbType.Varchar);
        row.Write(NationalDataset.HolderNameOf(subject), NpgsqlDbType.Varchar);
        row.Write(site.Interactive, NpgsqlDbType.Boolean);
        row.Write(subject.UnitCode, NpgsqlDbType.Varchar);
        row.Write(unitName, NpgsqlDbType.Varchar);
        row.Write(site.FiledAt, NpgsqlDbType.TimestampTz);
        row.Write(filingOrder, NpgsqlDbType.Integer);
    }

    /// <summary>
    /// A few real encrypted contents with every field filled, made by the platform's own key ring, cycled over the rows; the
    /// platform (started here unless given) also migrates the database first.
    /// </summary>
    private async Task<(byte[][] Subjects, byte[][] Websites)> SampleCiphersAsync()
    {
        await using var host = platform == null ? new BenchHost(connectionString) : null;
        using var scope = (platform ?? host!.Services).CreateScope();
        var snapshots = scope.ServiceProvider.GetRequiredService<ApplicationSnapshots>();
        var dataset = new NationalDataset(1);
        var samples = dataset.Subjects(256, DateTime.UtcNow).ToList();
        var subjects = samples.Select((s, i) => Stored(snapshots.Seal(FullForms.Subject(s.Nature, s.Name, i)))).ToArray();
        var websites = samples.SelectMany(s => s.Sites.Select(site => (Subject: s, Site: site)))
            .Select((pair, i) => Stored(snapshots.Seal(FullForms.Website(pair.Subject.Id, pair.Site.Name, pair.Site.MainDomain, pair.Site.SubDomains, i)))).ToArray();
        return (subjects, websites);
    }

    /// <summary>A ciphertext as the platform's PostgreSQL columns hold it (<see cref="CompactColumns"/>).</summary>
    private static byte[] Stored(string cipher) => CipherBytesConverter.ToBytes(cipher);

    private async Task<CopyTarget> ImporterAsync(string table, string columns, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var importer = await connection.BeginBinaryImportAsync($"COPY {Quote(table)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        return new CopyTarget(connection, importer);
    }

    private sealed record CopyTarget(NpgsqlConnection Connection, NpgsqlBinaryImporter Importer) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Importer.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    private async Task BuildIndexesAsync(IEnumerable<(string Name, string Definition)> indexes, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'", cancellationToken);
        foreach (var (name, definition) in indexes)
        {
            var clock = Stopwatch.StartNew();
            await ExecuteAsync(connection, definition, cancellationToken, timeoutSeconds: 0);
            log($"  index {name} ({clock.Elapsed.TotalSeconds:F0} s)");
        }
    }

    private static async Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef
            FROM pg_indexes AS i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u'))
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("tables", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = AllTables });
        var result = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }

    /// <summary>The foreign keys ('f') or primary keys ('p') of the loaded tables.</summary>
    private static async Task<List<(string Table, string Name, string Definition)>> ConstraintsAsync(NpgsqlConnection connection, char type,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT t.relname, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint AS c JOIN pg_class AS t ON t.oid = c.conrelid
            WHERE c.contype = @type AND t.relname = ANY(@tables)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("type", NpgsqlDbType.InternalChar) { Value = type });
        command.Parameters.Add(new NpgsqlParameter("tables", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = AllTables });
        var result = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return result;
    }

    private static async Task SetSequencesAsync(NpgsqlConnection connection, IReadOnlyDictionary<string, int> serials, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY \"NumberSequences\" (\"AreaCode\", \"Category\", \"LastSerial\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (area, serial) in serials)
        {
            importer.StartRow();
            importer.Write(area, NpgsqlDbType.Varchar);
            importer.Write("02", NpgsqlDbType.Varchar);
            importer.Write(serial, NpgsqlDbType.Integer);
        }
        await importer.CompleteAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, int timeoutSeconds = 600)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
