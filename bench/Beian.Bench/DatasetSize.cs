using System.Text;
using Beian.Web.Features.Audit;
using Npgsql;

namespace Beian.Bench;

/// <summary>
/// What the benchmark database holds and takes on disk: per table its rows, heap (with TOAST) and indexes, and bytes per
/// website; with <c>--verify</c> the platform's own check of the audit chain over every record.
/// </summary>
public static class DatasetSize
{
    public static async Task<string> ReportAsync(string connectionString, bool verifyAudit, Action<string> log)
    {
        // The verifier starts the platform, which applies its migrations first: the sizes are measured after them.
        var verification = verifyAudit ? await VerifyAuditAsync(connectionString, log) : null;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sites = await ScalarAsync(connection, "SELECT count(*) FROM \"Websites\"");
        var text = new StringBuilder();
        text.AppendLine($"Database {connection.Database}: {sites:N0} websites, {Mb(await ScalarAsync(connection, "SELECT pg_database_size(current_database())"))} in all");
        text.AppendLine();
        text.AppendLine("| table | rows | heap and TOAST | indexes | bytes per website |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        await using (var command = new NpgsqlCommand("""
            SELECT c.relname, c.reltuples::bigint, pg_table_size(c.oid), pg_indexes_size(c.oid)
            FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r' AND pg_total_relation_size(c.oid) > 8 * 1024 * 1024
            ORDER BY pg_total_relation_size(c.oid) DESC
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                var (table, heap, indexes) = (reader.GetString(0), reader.GetInt64(2), reader.GetInt64(3));
                text.AppendLine($"| {table} | {Math.Max(0, reader.GetInt64(1)):N0} | {Mb(heap)} | {Mb(indexes)} | {(heap + indexes) / Math.Max(1, sites):N0} |");
            }
        if (verification != null) text.AppendLine().AppendLine(verification);
        return text.ToString();
    }

    private static async Task<string> VerifyAuditAsync(string connectionString, Action<string> log)
    {
        log("verifying the audit chain with the platform's verifier");
        await using var host = new BenchHost(connectionString);
        using var scope = host.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        return result.Intact
            ? $"Audit chain intact: {result.Checked:N0} records checked, {result.Sealed:N0} sealed, last sequence {result.LastSequence:N0}."
            : $"Audit chain broken: {result.Problems.Count} problems, the first: {result.FirstProblem!.English}";
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MB";
}
