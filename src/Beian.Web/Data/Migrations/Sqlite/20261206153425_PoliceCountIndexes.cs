using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PoliceCountIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Websites_InForce",
                table: "Websites",
                columns: new[] { "FiledAt", "NumberDigits" },
                filter: "\"Status\" IN ('Filed', 'Changing', 'Cancelling') AND \"NumberDigits\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Websites_InForce_Unit",
                table: "Websites",
                columns: new[] { "JurisdictionUnitCode", "FiledAt", "NumberDigits" },
                filter: "\"Status\" IN ('Filed', 'Changing', 'Cancelling') AND \"NumberDigits\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledSites_ShutdownRisk",
                table: "UnfiledSites",
                column: "ImportedByUnitCode",
                filter: "\"Status\" = 'Pending' AND \"ShutdownRiskSince\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Websites_InForce",
                table: "Websites");

            migrationBuilder.DropIndex(
                name: "IX_Websites_InForce_Unit",
                table: "Websites");

            migrationBuilder.DropIndex(
                name: "IX_UnfiledSites_ShutdownRisk",
                table: "UnfiledSites");
        }
    }
}
