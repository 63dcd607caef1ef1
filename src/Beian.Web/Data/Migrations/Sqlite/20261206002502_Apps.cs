using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Apps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Inspection",
                table: "StoredFiles",
                type: "TEXT",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Apps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AndroidPackage = table.Column<string>(type: "TEXT", maxLength: 155, nullable: true),
                    IosBundleId = table.Column<string>(type: "TEXT", maxLength: 155, nullable: true),
                    HarmonyPackage = table.Column<string>(type: "TEXT", maxLength: 155, nullable: true),
                    Platforms = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Interactive = table.Column<bool>(type: "INTEGER", nullable: false),
                    DataCipher = table.Column<string>(type: "TEXT", nullable: false),
                    JurisdictionUnitCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NumberDigits = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    NumberDisplay = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Apps", x => x.Id);
                });

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
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NumberDigits = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    NumberDisplay = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", nullable: false),
                    Platforms = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubjectNature = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Interactive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicApps", x => x.AppId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Apps_AndroidPackage",
                table: "Apps",
                column: "AndroidPackage");

            migrationBuilder.CreateIndex(
                name: "IX_Apps_FiledAt",
                table: "Apps",
                column: "FiledAt");

            migrationBuilder.CreateIndex(
                name: "IX_Apps_HarmonyPackage",
                table: "Apps",
                column: "HarmonyPackage");

            migrationBuilder.CreateIndex(
                name: "IX_Apps_IosBundleId",
                table: "Apps",
                column: "IosBundleId");

            migrationBuilder.CreateIndex(
                name: "IX_Apps_JurisdictionUnitCode_FiledAt",
                table: "Apps",
                columns: new[] { "JurisdictionUnitCode", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Apps_NumberDigits",
                table: "Apps",
                column: "NumberDigits",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Apps_OwnerUserId_Status",
                table: "Apps",
                columns: new[] { "OwnerUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Apps_SubjectId_Status",
                table: "Apps",
                columns: new[] { "SubjectId", "Status" });

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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Apps");

            migrationBuilder.DropTable(
                name: "PublicAppGrams");

            migrationBuilder.DropTable(
                name: "PublicApps");

            migrationBuilder.DropColumn(
                name: "Inspection",
                table: "StoredFiles");
        }
    }
}
