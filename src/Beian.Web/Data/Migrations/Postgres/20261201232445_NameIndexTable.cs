using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NameIndexTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicNameCommonGrams",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicNameCommonGrams", x => x.Gram);
                });

            migrationBuilder.CreateTable(
                name: "PublicWebsiteGrams",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WebsiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    NameKey = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicWebsiteGrams", x => new { x.Gram, x.FiledAt, x.WebsiteId, x.NameKey });
                });

            // The grams move from the GIN-indexed array to the table, then the array goes.
            migrationBuilder.Sql("""
                INSERT INTO "PublicWebsiteGrams" ("Gram", "FiledAt", "WebsiteId", "NameKey")
                SELECT DISTINCT g, p."FiledAt", p."WebsiteId", p."NameKey" FROM "PublicWebsites" AS p, unnest(p."NameGrams") AS g
                """);

            migrationBuilder.DropIndex(
                name: "IX_PublicWebsites_NameGrams",
                table: "PublicWebsites");

            migrationBuilder.DropColumn(
                name: "NameGrams",
                table: "PublicWebsites");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicNameCommonGrams");

            migrationBuilder.AddColumn<string[]>(
                name: "NameGrams",
                table: "PublicWebsites",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsites_NameGrams",
                table: "PublicWebsites",
                column: "NameGrams")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.Sql("""
                UPDATE "PublicWebsites" AS p
                SET "NameGrams" = ARRAY(SELECT g."Gram" FROM "PublicWebsiteGrams" AS g WHERE g."WebsiteId" = p."WebsiteId")
                """);

            migrationBuilder.DropTable(
                name: "PublicWebsiteGrams");
        }
    }
}
