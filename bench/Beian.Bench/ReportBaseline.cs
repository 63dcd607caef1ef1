using System.Diagnostics;
using Beian.Core.Websites;
using Beian.Web.Features.Websites;
using Npgsql;
using NpgsqlTypes;

namespace Beian.Bench;

/// <summary>How a run matched a report: the time, and how many of its domains were found filed and unfiled.</summary>
public sealed record MatchRun(double Seconds, int Filed, int Unfiled, double StatementSeconds = 0);

/// <summary>
/// The report benchmark's baseline: the same file matched the way <see cref="FiledSiteLookup"/> matches, with nothing
/// of the platform around it. The file is read with a bare line splitter, each domain normalised by the same
/// <see cref="DomainName"/> (its www-less and registrable forms), the rows binary-COPied into a temporary table,
/// and one INSERT … SELECT writes each domain's filed website (its host or www-less host in
/// <c>PublicWebsiteDomains</c>, else the first-filed website in force of its registrable domain) and unit, or none,
/// into a logged table, as the platform's entries are.
/// </summary>
public static class ReportBaseline
{
    public const string ResultTable = "BenchReportMatches";

    /// <summary>The one statement of the baseline.</summary>
    public const string MatchSql = $"""
        INSERT INTO "{ResultTable}" ("Domain", "WebsiteId", "UnitCode")
        SELECT r.domain, w."Id", COALESCE(w."JurisdictionUnitCode", r.region)
        FROM bench_report_rows AS r
        LEFT JOIN LATERAL (
            SELECT d."WebsiteId" FROM "PublicWebsiteDomains" AS d
            WHERE d."Host" IN (r.domain, r.without_www)
            ORDER BY d."Host" <> r.domain
            LIMIT 1) AS by_host ON true
        LEFT JOIN LATERAL (
            SELECT s."Id" FROM "Websites" AS s
            WHERE by_host."WebsiteId" IS NULL AND s."RegistrableDomain" = r.registrable
              AND s."Status" = ANY(@in_force) AND s."NumberDigits" IS NOT NULL
            ORDER BY s."FiledAt"
            LIMIT 1) AS by_registrable ON true
        LEFT JOIN "Websites" AS w ON w."Id" = COALESCE(by_host."WebsiteId", by_registrable."Id")
        """;

    public static async Task<MatchRun> RunAsync(string connectionString, string path, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"""
            DROP TABLE IF EXISTS "{ResultTable}";
            CREATE TABLE "{ResultTable}" ("Domain" varchar(253) NOT NULL, "WebsiteId" uuid, "UnitCode" varchar(6));
            CREATE TEMP TABLE bench_report_rows (domain text NOT NULL, without_www text NOT NULL, registrable text NOT NULL, region text);
            """, cancellationToken);

        var clock = Stopwatch.StartNew();
        await CopyRowsAsync(connection, path, cancellationToken);
        var statement = Stopwatch.StartNew();
        await using (var match = new NpgsqlCommand(MatchSql, connection) { CommandTimeout = 0 })
        {
            match.Parameters.Add(new NpgsqlParameter("in_force", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = FiledSites.NumberInForceStatuses.Select(s => s.ToString()).ToArray(),
            });
            await match.ExecuteNonQueryAsync(cancellationToken);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var statementSeconds = statement.Elapsed.TotalSeconds;

        await using var count = new NpgsqlCommand($"""SELECT count("WebsiteId"), count(*) - count("WebsiteId") FROM "{ResultTable}" """, connection);
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var run = new MatchRun(seconds, (int)reader.GetInt64(0), (int)reader.GetInt64(1), statementSeconds);
        await reader.DisposeAsync();
        await ExecuteAsync(connection, $"""DROP TABLE bench_report_rows; DROP TABLE "{ResultTable}";""", cancellationToken);
        return run;
    }

    /// <summary>The CDN file's 加速域名 and 所在地区 (written by <see cref="CdnReportFile"/>: no quoted cells), with the forms the match needs.</summary>
    private static async Task CopyRowsAsync(NpgsqlConnection connection, string path, CancellationToken cancellationToken)
    {
        using var file = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var header = (await file.ReadLineAsync(cancellationToken))!.Split(',');
        var domainAt = Array.IndexOf(header, "加速域名");
        var regionAt = Array.IndexOf(header, "所在地区");
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY bench_report_rows (domain, without_www, registrable, region) FROM STDIN (FORMAT BINARY)", cancellationToken);
        while (await file.ReadLineAsync(cancellationToken) is { } line)
        {
            var cells = line.Split(',');
            if (!DomainName.TryParse(cells[domainAt], out var domain)) continue;
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(domain.Ascii, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(domain.WithoutWww.Ascii, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(domain.RegistrableDomain.Ascii, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(cells[regionAt], NpgsqlDbType.Text, cancellationToken);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
