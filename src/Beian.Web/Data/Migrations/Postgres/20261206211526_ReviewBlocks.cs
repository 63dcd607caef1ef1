using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewBlocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewDecisionTimes");

            migrationBuilder.DropTable(
                name: "ReviewDecisionTotals");

            migrationBuilder.DropTable(
                name: "ReviewSubmissionCounts");

            migrationBuilder.DropIndex(
                name: "IX_WorkingDayPositions_DayNumber",
                table: "WorkingDayPositions");

            migrationBuilder.DropColumn(
                name: "DayNumber",
                table: "WorkingDayPositions");

            // No ready row has these codes: the startup backfill builds the blocks, and the page recounts until then.
            migrationBuilder.AddColumn<string>(
                name: "Codes",
                table: "ReviewCountsReady",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ReviewBlocks",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Scope = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Totals = table.Column<byte[]>(type: "bytea", nullable: true),
                    DailyTotals = table.Column<byte[]>(type: "bytea", nullable: true),
                    DailyTimes = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewBlocks", x => new { x.UnitCode, x.FirstDay, x.Scope });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The former sums are built again by the former version's backfill, positions with their day numbers too.
            migrationBuilder.Sql("DELETE FROM \"ReviewCountsReady\"");
            migrationBuilder.Sql("DELETE FROM \"WorkingDayPositions\"");

            migrationBuilder.DropTable(
                name: "ReviewBlocks");

            migrationBuilder.DropColumn(
                name: "Codes",
                table: "ReviewCountsReady");

            migrationBuilder.AddColumn<int>(
                name: "DayNumber",
                table: "WorkingDayPositions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ReviewDecisionTimes",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SpanDays = table.Column<int>(type: "integer", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Scope = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Types = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    WorkingDays = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDecisionTimes", x => new { x.UnitCode, x.SpanDays, x.FirstDay, x.Scope, x.Types, x.WorkingDays });
                });

            migrationBuilder.CreateTable(
                name: "ReviewDecisionTotals",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SpanDays = table.Column<int>(type: "integer", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Scope = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Types = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    WorkingDays = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDecisionTotals", x => new { x.UnitCode, x.SpanDays, x.FirstDay, x.Scope, x.Types });
                });

            migrationBuilder.CreateTable(
                name: "ReviewSubmissionCounts",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SpanDays = table.Column<int>(type: "integer", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Scope = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Types = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSubmissionCounts", x => new { x.UnitCode, x.SpanDays, x.FirstDay, x.Scope, x.Types, x.Status });
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkingDayPositions_DayNumber",
                table: "WorkingDayPositions",
                column: "DayNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisionTimes_Zero",
                table: "ReviewDecisionTimes",
                column: "Count",
                filter: "\"Count\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisionTotals_Zero",
                table: "ReviewDecisionTotals",
                column: "Count",
                filter: "\"Count\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSubmissionCounts_Zero",
                table: "ReviewSubmissionCounts",
                column: "Count",
                filter: "\"Count\" = 0");
        }
    }
}
