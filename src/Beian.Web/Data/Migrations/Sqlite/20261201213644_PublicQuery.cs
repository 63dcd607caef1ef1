using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicQuery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicWebsites",
                columns: table => new
                {
                    WebsiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NumberDigits = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    NumberDisplay = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", nullable: false),
                    MainDomain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: true),
                    SubDomains = table.Column<string>(type: "TEXT", nullable: false),
                    SubjectNature = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Interactive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicWebsites", x => x.WebsiteId);
                });

            migrationBuilder.CreateTable(
                name: "RateLimitWindows",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Window = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateLimitWindows", x => new { x.Key, x.Window });
                });

            migrationBuilder.CreateTable(
                name: "PublicWebsiteDomains",
                columns: table => new
                {
                    Host = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    WebsiteId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicWebsiteDomains", x => new { x.Host, x.WebsiteId });
                    table.ForeignKey(
                        name: "FK_PublicWebsiteDomains_PublicWebsites_WebsiteId",
                        column: x => x.WebsiteId,
                        principalTable: "PublicWebsites",
                        principalColumn: "WebsiteId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicWebsiteGrams",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    WebsiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicWebsiteGrams", x => new { x.Gram, x.WebsiteId });
                    table.ForeignKey(
                        name: "FK_PublicWebsiteGrams_PublicWebsites_WebsiteId",
                        column: x => x.WebsiteId,
                        principalTable: "PublicWebsites",
                        principalColumn: "WebsiteId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsiteDomains_WebsiteId",
                table: "PublicWebsiteDomains",
                column: "WebsiteId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsiteGrams_Gram_FiledAt_WebsiteId",
                table: "PublicWebsiteGrams",
                columns: new[] { "Gram", "FiledAt", "WebsiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsiteGrams_WebsiteId",
                table: "PublicWebsiteGrams",
                column: "WebsiteId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsites_FiledAt_WebsiteId",
                table: "PublicWebsites",
                columns: new[] { "FiledAt", "WebsiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsites_NumberDigits",
                table: "PublicWebsites",
                column: "NumberDigits",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsites_SubjectId",
                table: "PublicWebsites",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RateLimitWindows_Window",
                table: "RateLimitWindows",
                column: "Window");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicWebsiteDomains");

            migrationBuilder.DropTable(
                name: "PublicWebsiteGrams");

            migrationBuilder.DropTable(
                name: "RateLimitWindows");

            migrationBuilder.DropTable(
                name: "PublicWebsites");
        }
    }
}
