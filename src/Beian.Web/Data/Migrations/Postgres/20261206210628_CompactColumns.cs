using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The audit hashes and the sealed documents as their bytes (<see cref="CompactColumns"/>); the existing rows are
    /// converted in place (EF's own ALTER COLUMN would refuse text that does not cast to bytea).
    /// </summary>
    public partial class CompactColumns : Migration
    {
        private static readonly (string Table, string Column)[] Hashes =
            [("AuditRecords", "ContentHash"), ("AuditRecords", "PreviousHash"), ("AuditRecords", "ChainHash")];

        private static readonly (string Table, string Column)[] Ciphers =
        [
            ("Applications", "SnapshotCipher"), ("Applications", "PreviousSnapshotCipher"),
            ("Websites", "DataCipher"), ("Apps", "DataCipher"), ("MiniPrograms", "DataCipher"),
            ("Subjects", "DataCipher"), ("Assessments", "DataCipher"), ("Drafts", "PayloadCipher"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One ALTER TABLE a table: each statement rewrites the table and its indexes once.
            AlterTables(migrationBuilder, "bytea", Data.CompactColumns.HexToBytesSql, Data.CompactColumns.CipherToBytesSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AlterTables(migrationBuilder, null, Data.CompactColumns.BytesToHexSql, Data.CompactColumns.BytesToCipherSql);
        }

        /// <param name="type">The new type, or null for the text types the columns had before.</param>
        private static void AlterTables(MigrationBuilder migrationBuilder, string type, Func<string, string> hash, Func<string, string> cipher)
        {
            var columns = Hashes.Select(c => (c.Table, Clause: $"""ALTER COLUMN "{c.Column}" TYPE {type ?? "character varying(64)"} USING {hash(c.Column)}"""))
                .Concat(Ciphers.Select(c => (c.Table, Clause: $"""ALTER COLUMN "{c.Column}" TYPE {type ?? "text"} USING {cipher(c.Column)}""")));
            foreach (var table in columns.GroupBy(c => c.Table))
                migrationBuilder.Sql($"""ALTER TABLE "{table.Key}" {string.Join(", ", table.Select(c => c.Clause))};""");
        }
    }
}
