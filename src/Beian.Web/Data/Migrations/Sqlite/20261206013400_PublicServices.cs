using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicServiceGrams",
                columns: table => new
                {
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Gram = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicServiceGrams", x => new { x.RecordType, x.Gram, x.FiledAt, x.RecordId, x.NameKey });
                });

            migrationBuilder.CreateTable(
                name: "PublicServices",
                columns: table => new
                {
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Platforms = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NumberDigits = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    NumberDisplay = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", nullable: false),
                    SubjectNature = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Interactive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicServices", x => x.RecordId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicServices_NumberDigits",
                table: "PublicServices",
                column: "NumberDigits",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicServices_RecordType_FiledAt_RecordId",
                table: "PublicServices",
                columns: new[] { "RecordType", "FiledAt", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicServices_SubjectId",
                table: "PublicServices",
                column: "SubjectId");

            // The APPs already public keep their rows, now as one business among several.
            migrationBuilder.Sql("""
                INSERT INTO "PublicServices" ("RecordId", "RecordType", "Platforms", "SubjectId", "NumberDigits", "NumberDisplay", "Name", "NameKey",
                    "SubjectNature", "HolderName", "Interactive", "UnitCode", "UnitName", "FiledAt")
                SELECT "AppId", 'App', "Platforms", "SubjectId", "NumberDigits", "NumberDisplay", "Name", "NameKey",
                    "SubjectNature", "HolderName", "Interactive", "UnitCode", "UnitName", "FiledAt"
                FROM "PublicApps";
                INSERT INTO "PublicServiceGrams" ("RecordType", "Gram", "FiledAt", "RecordId", "NameKey")
                SELECT 'App', "Gram", "FiledAt", "AppId", "NameKey" FROM "PublicAppGrams";
                """);

            migrationBuilder.DropTable(
                name: "PublicAppGrams");

            migrationBuilder.DropTable(
                name: "PublicApps");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicServiceGrams");

            migrationBuilder.DropTable(
                name: "PublicServices");

            migrationBuilder.CreateTable(
                name: "PublicAppGrams",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AppId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicAppGrams", x => new { x.Gram, x.FiledAt, x.AppId, x.NameKey });
                });

            migrationBuilder.CreateTable(
                name: "PublicApps",
                columns: table => new
                {
                    AppId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Interactive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", nullable: false),
                    NumberDigits = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    NumberDisplay = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Platforms = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectNature = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicApps", x => x.AppId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicApps_FiledAt_AppId",
                table: "PublicApps",
                columns: new[] { "FiledAt", "AppId" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicApps_NumberDigits",
                table: "PublicApps",
                column: "NumberDigits",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicApps_SubjectId",
                table: "PublicApps",
                column: "SubjectId");
        }
    }
}
