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
            foreach (var (table, column) in Hashes)
                migrationBuilder.Sql($"""ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE bytea USING {Data.CompactColumns.HexToBytesSql(column)};""");
            foreach (var (table, column) in Ciphers)
                migrationBuilder.Sql($"""ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE bytea USING {Data.CompactColumns.CipherToBytesSql(column)};""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in Hashes)
                migrationBuilder.Sql($"""ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE character varying(64) USING {Data.CompactColumns.BytesToHexSql(column)};""");
            foreach (var (table, column) in Ciphers)
                migrationBuilder.Sql($"""ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE text USING {Data.CompactColumns.BytesToCipherSql(column)};""");
        }
    }
}
