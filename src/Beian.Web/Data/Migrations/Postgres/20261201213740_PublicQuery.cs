using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Postgres
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
                    WebsiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    NumberDigits = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    NumberDisplay = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameKey = table.Column<string>(type: "text", nullable: false),
                    NameGrams = table.Column<string[]>(type: "text[]", nullable: false),
                    MainDomain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    SubDomains = table.Column<string>(type: "text", nullable: false),
                    SubjectNature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HolderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Interactive = table.Column<bool>(type: "boolean", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicWebsites", x => x.WebsiteId);
                });

            migrationBuilder.CreateTable(
                name: "RateLimitWindows",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Window = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateLimitWindows", x => new { x.Key, x.Window });
                });

            migrationBuilder.CreateTable(
                name: "PublicWebsiteDomains",
                columns: table => new
                {
                    Host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    WebsiteId = table.Column<Guid>(type: "uuid", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsiteDomains_WebsiteId",
                table: "PublicWebsiteDomains",
                column: "WebsiteId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsites_FiledAt_WebsiteId",
                table: "PublicWebsites",
                columns: new[] { "FiledAt", "WebsiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicWebsites_NameGrams",
                table: "PublicWebsites",
                column: "NameGrams")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

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
                name: "RateLimitWindows");

            migrationBuilder.DropTable(
                name: "PublicWebsites");
        }
    }
}
