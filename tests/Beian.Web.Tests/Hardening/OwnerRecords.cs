using System.Data.Common;
using System.Text;
using Beian.Web.Data;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Hardening;

/// <summary>
/// Everything the database holds for one account, as text: its account row and every row of every table
/// whose owner or user column names it (found from the EF model, so a new business's table is covered
/// without a hand-kept list; the audit log aside). Two snapshots that differ mean someone changed that account's records.
/// </summary>
public static class OwnerRecords
{
    private static readonly string[] OwnerColumns = ["OwnerUserId", "UserId"];

    /// <summary>The audit log names who acted but is the platform's record, sealed by a background job meanwhile.</summary>
    private static readonly Type[] NotTheAccounts = [typeof(Features.Audit.AuditRecord)];

    public static Task<string> SnapshotAsync(PlatformFixture platform, string userId) =>
        platform.ScopedAsync(async services =>
        {
            var db = services.GetRequiredService<BeianDbContext>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                var text = new StringBuilder();
                await AppendRowsAsync(text, connection, "AspNetUsers", "Id", userId);
                foreach (var (table, column) in OwnedTables(db.Model))
                    await AppendRowsAsync(text, connection, table, column, userId);
                return text.ToString();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

    /// <summary>Each table with an owner column, once (types sharing a table are read together).</summary>
    private static IEnumerable<(string Table, string Column)> OwnedTables(IModel model) =>
        model.GetEntityTypes()
            .Where(type => type.GetTableName() != null && type.GetViewName() == null && !NotTheAccounts.Contains(type.ClrType))
            .SelectMany(type => type.GetProperties()
                .Where(p => OwnerColumns.Contains(p.Name) && p.ClrType == typeof(string))
                .Select(p => (Table: type.GetTableName()!, Column: p.GetColumnName())))
            .Distinct()
            .OrderBy(t => t.Table);

    private static async Task AppendRowsAsync(StringBuilder text, DbConnection connection, string table, string column, string userId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{column}\" = @owner";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@owner";
        parameter.Value = userId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Cell(reader, i)}")));
        rows.Sort(StringComparer.Ordinal);
        text.Append("## ").Append(table).Append(" (").Append(rows.Count).AppendLine(" rows)");
        foreach (var row in rows) text.AppendLine(row);
    }

    private static string Cell(DbDataReader reader, int i) => reader.IsDBNull(i) ? "null" : reader.GetValue(i) switch
    {
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime time => time.ToString("O"),
        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
