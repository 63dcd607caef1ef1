using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Sqlite
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
                    FirstSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FromAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastChainHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditBlocks");
        }
    }
}
