using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NameGramsTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicWebsiteGrams",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WebsiteId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicWebsiteGrams", x => new { x.Gram, x.FiledAt, x.WebsiteId });
                });

            // The grams move from the GIN-indexed array to the table, then the array goes.
            migrationBuilder.Sql("""
                INSERT INTO "PublicWebsiteGrams" ("Gram", "FiledAt", "WebsiteId")
                SELECT DISTINCT g, p."FiledAt", p."WebsiteId" FROM "PublicWebsites" AS p, unnest(p."NameGrams") AS g
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
            migrationBuilder.AddColumn<string[]>(
                name: "NameGrams",
                table: "PublicWebsites",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.Sql("""
                UPDATE "PublicWebsites" AS p
                SET "NameGrams" = ARRAY(SELECT g."Gram" FROM "PublicWebsiteGrams" AS g WHERE g."WebsiteId" = p."WebsiteId")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsites_NameGrams",
                table: "PublicWebsites",
                column: "NameGrams")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.DropTable(
                name: "PublicWebsiteGrams");
        }
    }
}
