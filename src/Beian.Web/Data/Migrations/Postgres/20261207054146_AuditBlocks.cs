using System;
using Beian.Web.Features.Audit;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditBlocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditBlocks",
                columns: table => new
                {
                    FirstSequence = table.Column<long>(type: "bigint", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false),
                    RecordCount = table.Column<int>(type: "integer", nullable: false),
                    FromAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ToAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastChainHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Payload = table.Column<byte[]>(type: "bytea", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditBlocks", x => x.FirstSequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditBlocks_LastSequence",
                table: "AuditBlocks",
                column: "LastSequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditBlocks_ToAt",
                table: "AuditBlocks",
                column: "ToAt");

            // The payload is zstd already: TOAST should store it out of line without trying pglz on it.
            migrationBuilder.Sql("""ALTER TABLE "AuditBlocks" ALTER COLUMN "Payload" SET STORAGE EXTERNAL;""");
            migrationBuilder.Sql(AuditSql.PostgresArchive);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditSql.PostgresUnarchive);
            migrationBuilder.DropTable(
                name: "AuditBlocks");
        }
    }
}
