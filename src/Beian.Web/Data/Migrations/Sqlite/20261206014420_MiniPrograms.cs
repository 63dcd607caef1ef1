using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MiniPrograms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MiniPrograms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AppId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PlatformName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
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
                    table.PrimaryKey("PK_MiniPrograms", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MiniPrograms_FiledAt",
                table: "MiniPrograms",
                column: "FiledAt");

            migrationBuilder.CreateIndex(
                name: "IX_MiniPrograms_JurisdictionUnitCode_FiledAt",
                table: "MiniPrograms",
                columns: new[] { "JurisdictionUnitCode", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MiniPrograms_NumberDigits",
                table: "MiniPrograms",
                column: "NumberDigits",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MiniPrograms_OwnerUserId_Status",
                table: "MiniPrograms",
                columns: new[] { "OwnerUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MiniPrograms_Platform_AppId",
                table: "MiniPrograms",
                columns: new[] { "Platform", "AppId" });

            migrationBuilder.CreateIndex(
                name: "IX_MiniPrograms_SubjectId_Status",
                table: "MiniPrograms",
                columns: new[] { "SubjectId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MiniPrograms");
        }
    }
}
