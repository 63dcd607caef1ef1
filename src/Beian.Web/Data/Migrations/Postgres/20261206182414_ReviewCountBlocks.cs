using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewCountBlocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewCounts");

            // The counts are kept in blocks now: the startup backfill builds them again, and the page recounts until then.
            migrationBuilder.Sql("DELETE FROM \"ReviewCountsReady\"");
            migrationBuilder.Sql("DELETE FROM \"ReviewCountChanges\"");

            migrationBuilder.AddColumn<string>(
                name: "Calendar",
                table: "ReviewCountsReady",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ReviewDecisionTimes",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Scope = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    SpanDays = table.Column<int>(type: "integer", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
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
                    Scope = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    SpanDays = table.Column<int>(type: "integer", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
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
                    Scope = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    SpanDays = table.Column<int>(type: "integer", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Types = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSubmissionCounts", x => new { x.UnitCode, x.SpanDays, x.FirstDay, x.Scope, x.Types, x.Status });
                });

            migrationBuilder.CreateTable(
                name: "WorkingDayPositions",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    DayNumber = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingDayPositions", x => x.Day);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_WorkingDayPositions_DayNumber",
                table: "WorkingDayPositions",
                column: "DayNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewDecisionTimes");

            migrationBuilder.DropTable(
                name: "ReviewDecisionTotals");

            migrationBuilder.DropTable(
                name: "ReviewSubmissionCounts");

            migrationBuilder.DropTable(
                name: "WorkingDayPositions");

            migrationBuilder.DropColumn(
                name: "Calendar",
                table: "ReviewCountsReady");

            migrationBuilder.CreateTable(
                name: "ReviewCounts",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    BusinessType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Scope = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCounts", x => new { x.UnitCode, x.SubmittedOn, x.BusinessType, x.Status, x.DecidedOn, x.Scope });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCounts_UnitCode_DecidedOn",
                table: "ReviewCounts",
                columns: new[] { "UnitCode", "DecidedOn" });
        }
    }
}
