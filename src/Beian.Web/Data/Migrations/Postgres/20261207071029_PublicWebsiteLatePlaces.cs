using System;
using Beian.Web.Features.PublicQuery;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Postgres
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
                    FilingOrder = table.Column<int>(type: "integer", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicWebsiteLatePlaces", x => x.FilingOrder);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsiteLatePlaces_FiledAt",
                table: "PublicWebsiteLatePlaces",
                column: "FiledAt");

            migrationBuilder.Sql(LatePlacesSql.RecordExisting);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicWebsiteLatePlaces");
        }
    }
}
