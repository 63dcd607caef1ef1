using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// The migration of the public name indexes to (Gram, FilingOrder), the same on both providers: the public rows take their
/// place in filing order (by FiledAt, then key), the grams tables are rebuilt from the rows' name keys in SQL (the codes of
/// <see cref="Beian.Core.PublicQuery.NameGrams.Code"/>, tested against it), the common grams recounted; on PostgreSQL the
/// sequence of <see cref="FilingOrders"/> continues after the last place given. Down rebuilds the grams as text.
/// </summary>
public static class NameIndexMigration
{
    /// <param name="ByFilingTime">Whether the rows have an index (FiledAt, FilingOrder): the websites', whose police list reads a period.</param>
    private sealed record Index(string RowsTable, string GramsTable, string KeyColumn, string? ScopeColumn, bool ByFilingTime);

    private static readonly Index[] Indexes =
    [
        new("PublicWebsites", "PublicWebsiteGrams", "WebsiteId", null, ByFilingTime: true),
        new("PublicServices", "PublicServiceGrams", "RecordId", "RecordType", ByFilingTime: false),
    ];

    public static void Up(MigrationBuilder migration, bool postgres)
    {
        var integer = postgres ? "integer" : "INTEGER";
        migration.DropIndex("IX_PublicWebsites_FiledAt_WebsiteId", "PublicWebsites");
        migration.DropIndex("IX_PublicServices_RecordType_FiledAt_RecordId", "PublicServices");
        foreach (var index in Indexes)
        {
            migration.DropTable(index.GramsTable);
            migration.AddColumn<int>("FilingOrder", index.RowsTable, type: integer, nullable: false, defaultValue: 0);
            migration.Sql($"""
                UPDATE "{index.RowsTable}" AS p SET "FilingOrder" = o.n
                FROM (SELECT "{index.KeyColumn}" AS id, row_number() OVER (ORDER BY "FiledAt", "{index.KeyColumn}") AS n FROM "{index.RowsTable}") AS o
                WHERE o.id = p."{index.KeyColumn}";
                """);
            var unique = migration.CreateIndex($"IX_{index.RowsTable}_FilingOrder", index.RowsTable, "FilingOrder", unique: true);
            if (postgres) unique.Annotation("Npgsql:IndexInclude", new[] { "NameKey" });
            if (index.ByFilingTime) migration.CreateIndex($"IX_{index.RowsTable}_FiledAt_FilingOrder", index.RowsTable, ["FiledAt", "FilingOrder"]);
            // PostgreSQL builds the key after the rows (sorted, compact: a key filled row by row is a third larger); SQLite cannot add one.
            CreateGramsTable(migration, index, postgres, gramType: integer, key: ["Gram", "FilingOrder"], keyNow: !postgres);
            migration.Sql(FillGramsSql(index, postgres));
            if (postgres) migration.AddPrimaryKey($"PK_{index.GramsTable}", index.GramsTable, KeyColumns(index, ["Gram", "FilingOrder"]));
        }
        migration.DropTable("PublicNameCommonGrams");
        migration.CreateTable("PublicNameCommonGrams", table => new
        {
            Gram = table.Column<int>(type: integer, nullable: false),
            Count = table.Column<int>(type: integer, nullable: false),
        }, constraints: table => table.PrimaryKey("PK_PublicNameCommonGrams", g => g.Gram));
        migration.Sql(CommonGrams.RecountSql);
        if (!postgres) return;
        migration.CreateSequence<int>(FilingOrders.Sequence);
        migration.Sql($"""
            SELECT setval('"{FilingOrders.Sequence}"', greatest(1, (SELECT coalesce(max("FilingOrder"), 0) FROM "PublicWebsites"),
                (SELECT coalesce(max("FilingOrder"), 0) FROM "PublicServices")));
            """);
    }

    public static void Down(MigrationBuilder migration, bool postgres)
    {
        var text8 = postgres ? "character varying(8)" : "TEXT";
        foreach (var index in Indexes)
        {
            migration.DropTable(index.GramsTable);
            CreateGramsTable(migration, index, postgres, gramType: text8, key: ["Gram", "FiledAt", index.KeyColumn, "NameKey"], textGrams: true);
            migration.Sql(FillTextGramsSql(index, postgres));
            migration.DropIndex($"IX_{index.RowsTable}_FilingOrder", index.RowsTable);
            if (index.ByFilingTime) migration.DropIndex($"IX_{index.RowsTable}_FiledAt_FilingOrder", index.RowsTable);
            migration.DropColumn("FilingOrder", index.RowsTable);
        }
        migration.DropTable("PublicNameCommonGrams");
        migration.CreateTable("PublicNameCommonGrams", table => new
        {
            Gram = table.Column<string>(type: text8, maxLength: 8, nullable: false),
            Count = table.Column<int>(type: postgres ? "integer" : "INTEGER", nullable: false),
        }, constraints: table => table.PrimaryKey("PK_PublicNameCommonGrams", g => g.Gram));
        migration.CreateIndex("IX_PublicWebsites_FiledAt_WebsiteId", "PublicWebsites", ["FiledAt", "WebsiteId"]);
        migration.CreateIndex("IX_PublicServices_RecordType_FiledAt_RecordId", "PublicServices", ["RecordType", "FiledAt", "RecordId"]);
        if (postgres) migration.DropSequence(FilingOrders.Sequence);
    }

    private static string[] KeyColumns(Index index, string[] key) => index.ScopeColumn == null ? key : [index.ScopeColumn, .. key];

    private static void CreateGramsTable(MigrationBuilder migration, Index index, bool postgres, string gramType, string[] key, bool textGrams = false,
        bool keyNow = true)
    {
        var columns = new List<AddColumnOperation>();
        if (index.ScopeColumn != null) columns.Add(Column(index.ScopeColumn, typeof(string), postgres ? "character varying(20)" : "TEXT", 20));
        columns.Add(Column("Gram", textGrams ? typeof(string) : typeof(int), gramType, textGrams ? 8 : null));
        if (textGrams)
        {
            columns.Add(Column("FiledAt", typeof(DateTime), postgres ? "timestamp with time zone" : "TEXT"));
            columns.Add(Column(index.KeyColumn, typeof(Guid), postgres ? "uuid" : "TEXT"));
            columns.Add(Column("NameKey", typeof(string), postgres ? "text" : "TEXT"));
        }
        else columns.Add(Column("FilingOrder", typeof(int), gramType));
        var create = new CreateTableOperation
        {
            Name = index.GramsTable,
            PrimaryKey = keyNow ? new AddPrimaryKeyOperation { Name = $"PK_{index.GramsTable}", Table = index.GramsTable, Columns = KeyColumns(index, key) } : null,
        };
        foreach (var column in columns)
        {
            column.Table = index.GramsTable;
            create.Columns.Add(column);
        }
        migration.Operations.Add(create);
    }

    private static AddColumnOperation Column(string name, Type clrType, string columnType, int? maxLength = null) =>
        new() { Name = name, ClrType = clrType, ColumnType = columnType, MaxLength = maxLength, IsNullable = false };

    /// <summary>Each name key's characters (o: the row's place, i: the position, cp: the code point), one row each.</summary>
    private static string Characters(Index index, bool postgres, string place) => postgres
        ? $"""
          characters AS (
              SELECT r."{place}" AS o, {Scope(index, "r")} r."NameKey" AS k, i, ascii(substr(r."NameKey", i, 1)) AS cp
              FROM "{index.RowsTable}" AS r CROSS JOIN LATERAL generate_series(1, length(r."NameKey")) AS i
          )
          """
        : $"""
          positions (o, {ScopeName(index)} k, i) AS (
              SELECT r."{place}", {Scope(index, "r")} r."NameKey", 1 FROM "{index.RowsTable}" AS r WHERE length(r."NameKey") > 0
              UNION ALL SELECT o, {ScopeName(index)} k, i + 1 FROM positions WHERE i < length(k)
          ),
          characters AS (SELECT o, {ScopeName(index)} k, i, unicode(substr(k, i, 1)) AS cp FROM positions)
          """;

    private static string Scope(Index index, string alias) => index.ScopeColumn == null ? "" : $"{alias}.\"{index.ScopeColumn}\" AS scope,";

    private static string ScopeName(Index index) => index.ScopeColumn == null ? "" : "scope,";

    private static string FillGramsSql(Index index, bool postgres)
    {
        var scopeColumn = index.ScopeColumn == null ? "" : $"\"{index.ScopeColumn}\", ";
        return $"""
            INSERT INTO "{index.GramsTable}" ({scopeColumn}"Gram", "FilingOrder")
            {GramsSql(index, postgres)};
            """;
    }

    /// <summary>The grams of the public websites' names as the migration writes them: (Gram, FilingOrder) rows.</summary>
    public static string WebsiteGramsSql(bool postgres) => GramsSql(Indexes[0], postgres);

    private static string GramsSql(Index index, bool postgres)
    {
        var big = postgres ? "::bigint" : "";
        return $"""
            WITH RECURSIVE {Characters(index, postgres, "FilingOrder")},
            codes AS (SELECT o, {ScopeName(index)} i, (CASE WHEN cp <= 65535 THEN cp ELSE 55296 | (cp & 2047) END){big} AS c FROM characters),
            grams AS (
                SELECT o, {ScopeName(index)} c AS gram FROM codes
                UNION
                SELECT a.o, {(index.ScopeColumn == null ? "" : "a.scope,")} a.c * 65536 + b.c FROM codes AS a JOIN codes AS b ON b.o = a.o AND b.i = a.i + 1
            )
            SELECT DISTINCT {ScopeName(index)} (CASE WHEN gram >= 2147483648 THEN gram - 4294967296 ELSE gram END){(postgres ? "::integer" : "")} AS "Gram", o AS "FilingOrder" FROM grams
            """;
    }

    private static string FillTextGramsSql(Index index, bool postgres)
    {
        var scopeColumn = index.ScopeColumn == null ? "" : $"\"{index.ScopeColumn}\", ";
        return $"""
            INSERT INTO "{index.GramsTable}" ({scopeColumn}"Gram", "FiledAt", "{index.KeyColumn}", "NameKey")
            WITH RECURSIVE {Characters(index, postgres, index.KeyColumn)}
            SELECT DISTINCT {ScopeName(index)} g.gram, r."FiledAt", r."{index.KeyColumn}", r."NameKey"
            FROM (SELECT o, {ScopeName(index)} substr(k, i, 1) AS gram FROM characters
                  UNION SELECT o, {ScopeName(index)} substr(k, i, 2) FROM characters WHERE i < length(k)) AS g
            JOIN "{index.RowsTable}" AS r ON r."{index.KeyColumn}" = g.o;
            """;
    }
}
