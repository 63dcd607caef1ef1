using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicWebsiteLatePlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicWebsiteLatePlaces",
                columns: table => new
                {
                    FilingOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicWebsiteLatePlaces", x => x.FilingOrder);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsiteLatePlaces_FiledAt",
                table: "PublicWebsiteLatePlaces",
                column: "FiledAt");

            // Nothing to record for the sites already public: NameIndexByFilingOrder gave them their places in filing-time
            // order, and approvals since drew theirs as they filed (the startup backfill is the one exception, recorded from now on).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicWebsiteLatePlaces");
        }
    }
}
