using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PoliceListKeysetIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UnfiledSites_ImportedByUnitCode_ImportedAt",
                table: "UnfiledSites");

            migrationBuilder.DropIndex(
                name: "IX_UnfiledApps_UnitCode_FoundAt",
                table: "UnfiledApps");

            migrationBuilder.DropIndex(
                name: "IX_ReportFindings_UnitCode_ClosedAt_FoundAt",
                table: "ReportFindings");

            migrationBuilder.DropIndex(
                name: "IX_OfflineFilings_ImportedByUnitCode_ImportedAt",
                table: "OfflineFilings");

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledSites_ImportedAt_Domain_Id",
                table: "UnfiledSites",
                columns: new[] { "ImportedAt", "Domain", "Id" },
                descending: new[] { true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledSites_ImportedByUnitCode_ImportedAt_Domain_Id",
                table: "UnfiledSites",
                columns: new[] { "ImportedByUnitCode", "ImportedAt", "Domain", "Id" },
                descending: new[] { false, true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledApps_FoundAt_PackageName_Id",
                table: "UnfiledApps",
                columns: new[] { "FoundAt", "PackageName", "Id" },
                descending: new[] { true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledApps_UnitCode_FoundAt_PackageName_Id",
                table: "UnfiledApps",
                columns: new[] { "UnitCode", "FoundAt", "PackageName", "Id" },
                descending: new[] { false, true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_ReportFindings_Open_FoundAt_Domain_Id",
                table: "ReportFindings",
                columns: new[] { "FoundAt", "Domain", "Id" },
                descending: new[] { true, false, false },
                filter: "\"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReportFindings_Open_UnitCode_FoundAt_Domain_Id",
                table: "ReportFindings",
                columns: new[] { "UnitCode", "FoundAt", "Domain", "Id" },
                descending: new[] { false, true, false, false },
                filter: "\"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OfflineFilings_ImportedAt_NumberDigits",
                table: "OfflineFilings",
                columns: new[] { "ImportedAt", "NumberDigits" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "IX_OfflineFilings_ImportedByUnitCode_ImportedAt_NumberDigits",
                table: "OfflineFilings",
                columns: new[] { "ImportedByUnitCode", "ImportedAt", "NumberDigits" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CreatedAt_Id",
                table: "Assessments",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_JurisdictionUnitCode_CreatedAt_Id",
                table: "Assessments",
                columns: new[] { "JurisdictionUnitCode", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_Status_CreatedAt_Id",
                table: "Assessments",
                columns: new[] { "Status", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UnfiledSites_ImportedAt_Domain_Id",
                table: "UnfiledSites");

            migrationBuilder.DropIndex(
                name: "IX_UnfiledSites_ImportedByUnitCode_ImportedAt_Domain_Id",
                table: "UnfiledSites");

            migrationBuilder.DropIndex(
                name: "IX_UnfiledApps_FoundAt_PackageName_Id",
                table: "UnfiledApps");

            migrationBuilder.DropIndex(
                name: "IX_UnfiledApps_UnitCode_FoundAt_PackageName_Id",
                table: "UnfiledApps");

            migrationBuilder.DropIndex(
                name: "IX_ReportFindings_Open_FoundAt_Domain_Id",
                table: "ReportFindings");

            migrationBuilder.DropIndex(
                name: "IX_ReportFindings_Open_UnitCode_FoundAt_Domain_Id",
                table: "ReportFindings");

            migrationBuilder.DropIndex(
                name: "IX_OfflineFilings_ImportedAt_NumberDigits",
                table: "OfflineFilings");

            migrationBuilder.DropIndex(
                name: "IX_OfflineFilings_ImportedByUnitCode_ImportedAt_NumberDigits",
                table: "OfflineFilings");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_CreatedAt_Id",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_JurisdictionUnitCode_CreatedAt_Id",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_Status_CreatedAt_Id",
                table: "Assessments");

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledSites_ImportedByUnitCode_ImportedAt",
                table: "UnfiledSites",
                columns: new[] { "ImportedByUnitCode", "ImportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledApps_UnitCode_FoundAt",
                table: "UnfiledApps",
                columns: new[] { "UnitCode", "FoundAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportFindings_UnitCode_ClosedAt_FoundAt",
                table: "ReportFindings",
                columns: new[] { "UnitCode", "ClosedAt", "FoundAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OfflineFilings_ImportedByUnitCode_ImportedAt",
                table: "OfflineFilings",
                columns: new[] { "ImportedByUnitCode", "ImportedAt" });
        }
    }
}
