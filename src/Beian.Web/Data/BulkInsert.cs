using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Beian.Web.Data;

/// <summary>
/// New rows of one entity type written in one go, inside the context's current transaction. On PostgreSQL by binary
/// COPY, with the columns, store types and value conversions of the EF model, a few microseconds a row where one
/// INSERT per row (EF's batches) cost about a hundred; elsewhere added to the context to be inserted by the next save.
/// The rows are not tracked on PostgreSQL: they are for work that only inserts them, such as a report's new entries.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(this BeianDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        if (db.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            db.AddRange(rows);
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new Column(p, table)).ToList();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in columns) await column.WriteAsync(importer, row, cancellationToken);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>A column with its value read, converted to the provider's type and written as that type (not as object, which Npgsql resolves per value).</summary>
    private sealed class Column
    {
        private readonly IClrPropertyGetter _getter;
        private readonly Func<object?, object?>? _toProvider;
        private readonly Func<NpgsqlBinaryImporter, object, string, CancellationToken, Task> _write;

        public Column(IProperty property, StoreObjectIdentifier table)
        {
            var mapping = property.GetRelationalTypeMapping();
            Name = property.GetColumnName(table)!;
            StoreType = mapping.StoreTypeNameBase;
            _getter = property.GetGetter();
            _toProvider = mapping.Converter?.ConvertToProvider;
            var providerType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
            _write = (Func<NpgsqlBinaryImporter, object, string, CancellationToken, Task>)WriteTyped.MakeGenericMethod(Nullable.GetUnderlyingType(providerType) ?? providerType)
                .CreateDelegate(typeof(Func<NpgsqlBinaryImporter, object, string, CancellationToken, Task>));
        }

        public string Name { get; }
        private string StoreType { get; }

        public Task WriteAsync(NpgsqlBinaryImporter importer, object row, CancellationToken cancellationToken)
        {
            var value = _getter.GetClrValueUsingContainingEntity(row);
            if (value != null && _toProvider != null) value = _toProvider(value);
            return value == null ? importer.WriteNullAsync(cancellationToken) : _write(importer, value, StoreType, cancellationToken);
        }

        private static readonly System.Reflection.MethodInfo WriteTyped =
            typeof(Column).GetMethod(nameof(Write), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

        private static Task Write<TValue>(NpgsqlBinaryImporter importer, object value, string storeType, CancellationToken cancellationToken) =>
            importer.WriteAsync((TValue)value, storeType, cancellationToken);
    }
}
