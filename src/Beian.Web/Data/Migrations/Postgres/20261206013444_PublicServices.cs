using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Postgres
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
                    RecordType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Gram = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    NameKey = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicServiceGrams", x => new { x.RecordType, x.Gram, x.FiledAt, x.RecordId, x.NameKey });
                });

            migrationBuilder.CreateTable(
                name: "PublicServices",
                columns: table => new
                {
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Platforms = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    NumberDigits = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    NumberDisplay = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameKey = table.Column<string>(type: "text", nullable: false),
                    SubjectNature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HolderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Interactive = table.Column<bool>(type: "boolean", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Gram = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AppId = table.Column<Guid>(type: "uuid", nullable: false),
                    NameKey = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicAppGrams", x => new { x.Gram, x.FiledAt, x.AppId, x.NameKey });
                });

            migrationBuilder.CreateTable(
                name: "PublicApps",
                columns: table => new
                {
                    AppId = table.Column<Guid>(type: "uuid", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HolderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Interactive = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameKey = table.Column<string>(type: "text", nullable: false),
                    NumberDigits = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    NumberDisplay = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Platforms = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectNature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
