using System.Text.Json;
using Beian.Core.Numbering;
using Beian.Core.PublicQuery;
using Beian.Web.Features.PublicQuery;
using Npgsql;
using NpgsqlTypes;

namespace Beian.Bench;

/// <summary>
/// The benchmark's baseline: the same three SQL statements as <see cref="PublicWebsiteQueries"/>,
/// with the same input parsing, prepared and run with raw Npgsql and written as JSON by a bare middleware in
/// front of the whole pipeline — what the query costs with nothing of the platform around it.
/// Only <see cref="BenchHost"/> maps it; the platform never does.
/// </summary>
public static class Baseline
{
    public const string PathPrefix = "/bench/baseline/websites";
    private const int PageSize = 10;

    public sealed class StartupFilter(string connectionString) : IStartupFilter
    {
        // Set up as the platform's pool for these statements is, so that both pay the same PostgreSQL work.
        private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(Beian.Web.Data.ReadConnections.ForPreparedReads(connectionString));

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(PathPrefix, branch => branch.Run(context => AnswerAsync(_source, context)));
            next(app);
        };
    }

    private static async Task AnswerAsync(NpgsqlDataSource source, HttpContext context)
    {
        var query = context.Request.Query;
        var ct = context.RequestAborted;
        await using var command = Command(query["name"], query["domain"], query["number"]);
        if (command == null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await using var connection = await source.OpenConnectionAsync(ct);
        command.Connection = connection;
        await command.PrepareAsync(ct); // as the platform does: planned once per pooled connection
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartArray();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) WriteRow(json, reader);
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
    }

    private static NpgsqlCommand? Command(string? name, string? domain, string? number)
    {
        if (number != null)
        {
            if (!PublicSecurityNumber.TryParse(number, out var parsed, out _)) return null;
            var command = new NpgsqlCommand(PublicWebsiteQueries.ByNumberSql);
            command.Parameters.Add(new NpgsqlParameter("digits", NpgsqlDbType.Text) { Value = parsed.Digits });
            return command;
        }
        if (domain != null)
        {
            if (!DomainLookup.TryParseQuery(domain, out var hosts, out _)) return null;
            var command = new NpgsqlCommand(PublicWebsiteQueries.ByDomainPostgresSql);
            command.Parameters.Add(new NpgsqlParameter("hosts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = hosts.ToArray() });
            return command;
        }
        var key = NameGrams.Normalize(name);
        if (key.Length == 0) return null;
        var recheck = PublicWebsiteQueries.NeedsRecheck(key);
        var byName = new NpgsqlCommand(PublicWebsiteQueries.ByNamePostgresSql(recheck));
        byName.Parameters.Add(PublicReadQueries.IntegerArray("grams", NameGrams.CodesForQuery(key)));
        byName.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = key });
        byName.Parameters.Add(new NpgsqlParameter("recheck", NpgsqlDbType.Boolean) { Value = recheck });
        byName.Parameters.Add(new NpgsqlParameter("budget", NpgsqlDbType.Integer) { Value = PublicWebsiteQueries.BudgetFor(recheck) });
        byName.Parameters.Add(new NpgsqlParameter("skip", NpgsqlDbType.Integer) { Value = 0 });
        byName.Parameters.Add(new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = PageSize });
        return byName;
    }

    private static void WriteRow(Utf8JsonWriter json, NpgsqlDataReader reader)
    {
        json.WriteStartObject();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            json.WritePropertyName(reader.GetName(i));
            if (reader.IsDBNull(i)) json.WriteNullValue();
            else
            {
                switch (reader.GetValue(i))
                {
                    case string text: json.WriteStringValue(text); break;
                    case bool flag: json.WriteBooleanValue(flag); break;
                    case DateTime time: json.WriteStringValue(time); break;
                    case Guid id: json.WriteStringValue(id); break;
                    case long count: json.WriteNumberValue(count); break;
                    case var other: json.WriteStringValue(other.ToString()); break;
                }
            }
        }
        json.WriteEndObject();
    }
}
