using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NameIndexTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PublicWebsiteGrams_PublicWebsites_WebsiteId",
                table: "PublicWebsiteGrams");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PublicWebsiteGrams",
                table: "PublicWebsiteGrams");

            migrationBuilder.DropIndex(
                name: "IX_PublicWebsiteGrams_Gram_FiledAt_WebsiteId",
                table: "PublicWebsiteGrams");

            migrationBuilder.DropIndex(
                name: "IX_PublicWebsiteGrams_WebsiteId",
                table: "PublicWebsiteGrams");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "PublicWebsiteGrams",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PublicWebsiteGrams",
                table: "PublicWebsiteGrams",
                columns: new[] { "Gram", "FiledAt", "WebsiteId", "NameKey" });

            migrationBuilder.CreateTable(
                name: "PublicNameCommonGrams",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicNameCommonGrams", x => x.Gram);
                });

            // Each gram carries its site's normalised name from now on. EF Core warns that this runs
            // while the table's rebuild is pending: the script puts it after ADD "NameKey" and before
            // the copy into the rebuilt table, which is the order wanted.
            migrationBuilder.Sql("""
                UPDATE "PublicWebsiteGrams"
                SET "NameKey" = (SELECT p."NameKey" FROM "PublicWebsites" AS p WHERE p."WebsiteId" = "PublicWebsiteGrams"."WebsiteId")
                WHERE EXISTS (SELECT 1 FROM "PublicWebsites" AS p WHERE p."WebsiteId" = "PublicWebsiteGrams"."WebsiteId")
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicNameCommonGrams");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PublicWebsiteGrams",
                table: "PublicWebsiteGrams");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "PublicWebsiteGrams");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PublicWebsiteGrams",
                table: "PublicWebsiteGrams",
                columns: new[] { "Gram", "WebsiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsiteGrams_Gram_FiledAt_WebsiteId",
                table: "PublicWebsiteGrams",
                columns: new[] { "Gram", "FiledAt", "WebsiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsiteGrams_WebsiteId",
                table: "PublicWebsiteGrams",
                column: "WebsiteId");

            migrationBuilder.AddForeignKey(
                name: "FK_PublicWebsiteGrams_PublicWebsites_WebsiteId",
                table: "PublicWebsiteGrams",
                column: "WebsiteId",
                principalTable: "PublicWebsites",
                principalColumn: "WebsiteId",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
