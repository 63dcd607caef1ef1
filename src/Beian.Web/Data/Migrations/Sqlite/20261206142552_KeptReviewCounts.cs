using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeptReviewCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewCountChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Delta = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BusinessType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCountChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewCounts",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BusinessType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCounts", x => new { x.UnitCode, x.SubmittedOn, x.BusinessType, x.Status, x.DecidedOn, x.Scope });
                });

            migrationBuilder.CreateTable(
                name: "ReviewCountsReady",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    BuiltAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCountsReady", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCounts_UnitCode_DecidedOn",
                table: "ReviewCounts",
                columns: new[] { "UnitCode", "DecidedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewCountChanges");

            migrationBuilder.DropTable(
                name: "ReviewCounts");

            migrationBuilder.DropTable(
                name: "ReviewCountsReady");
        }
    }
}
