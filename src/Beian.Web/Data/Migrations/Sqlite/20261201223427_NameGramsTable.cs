using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NameGramsTable : Migration
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

            migrationBuilder.AddPrimaryKey(
                name: "PK_PublicWebsiteGrams",
                table: "PublicWebsiteGrams",
                columns: new[] { "Gram", "FiledAt", "WebsiteId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_PublicWebsiteGrams",
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
