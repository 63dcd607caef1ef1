using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ReporterId",
                table: "UnfiledSites",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ListedApps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PackageName = table.Column<string>(type: "character varying(155)", maxLength: 155, nullable: false),
                    AppName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Developer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DownloadUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IcpNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DeclaredNumberDigits = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    DeveloperCertificateHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AppId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FirstReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListedApps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportedIpRanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StartKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EndKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RangeText = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UnitCertificateHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AssignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FirstReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportedIpRanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportedSites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Ips = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    HolderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HolderCertificateHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DeclaredNumberDigits = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    WebsiteId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FirstReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportedSites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReporterApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReporterApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reporters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Services = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LicenceNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    JurisdictionUnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DataCipher = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reporters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WebsiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    NumberDisplay = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FoundAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportFindings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceReportFailures",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceReportFailures", x => new { x.ReportId, x.Line });
                });

            migrationBuilder.CreateTable(
                name: "ServiceReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TotalRows = table.Column<int>(type: "integer", nullable: true),
                    ProcessedRows = table.Column<int>(type: "integer", nullable: false),
                    AcceptedRows = table.Column<int>(type: "integer", nullable: false),
                    FailedRows = table.Column<int>(type: "integer", nullable: false),
                    ChangedEntries = table.Column<int>(type: "integer", nullable: false),
                    UnfiledFound = table.Column<int>(type: "integer", nullable: false),
                    FindingsRaised = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ApiKeyId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnfiledApps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PackageName = table.Column<string>(type: "character varying(155)", maxLength: 155, nullable: false),
                    AppName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Developer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StoreName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DownloadUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FirstSeenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    CertificateHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FoundAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CompletedAppId = table.Column<Guid>(type: "uuid", nullable: true),
                    ShutdownRiskSince = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnfiledApps", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledSites_ReporterId",
                table: "UnfiledSites",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_ListedApps_PackageName",
                table: "ListedApps",
                column: "PackageName");

            migrationBuilder.CreateIndex(
                name: "IX_ListedApps_ReporterId_AppId",
                table: "ListedApps",
                columns: new[] { "ReporterId", "AppId" });

            migrationBuilder.CreateIndex(
                name: "IX_ListedApps_ReporterId_PackageName",
                table: "ListedApps",
                columns: new[] { "ReporterId", "PackageName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportedIpRanges_ReporterId_StartKey_EndKey",
                table: "ReportedIpRanges",
                columns: new[] { "ReporterId", "StartKey", "EndKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportedIpRanges_StartKey_EndKey",
                table: "ReportedIpRanges",
                columns: new[] { "StartKey", "EndKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportedSites_Domain",
                table: "ReportedSites",
                column: "Domain");

            migrationBuilder.CreateIndex(
                name: "IX_ReportedSites_ReporterId_Domain",
                table: "ReportedSites",
                columns: new[] { "ReporterId", "Domain" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportedSites_ReporterId_WebsiteId",
                table: "ReportedSites",
                columns: new[] { "ReporterId", "WebsiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReporterApiKeys_Prefix",
                table: "ReporterApiKeys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReporterApiKeys_ReporterId",
                table: "ReporterApiKeys",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_Reporters_JurisdictionUnitCode_Status",
                table: "Reporters",
                columns: new[] { "JurisdictionUnitCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reporters_OwnerUserId_Role",
                table: "Reporters",
                columns: new[] { "OwnerUserId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Reporters_SubjectId_Role",
                table: "Reporters",
                columns: new[] { "SubjectId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportFindings_UnitCode_ClosedAt_FoundAt",
                table: "ReportFindings",
                columns: new[] { "UnitCode", "ClosedAt", "FoundAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportFindings_WebsiteId_ReporterId_Kind_ClosedAt",
                table: "ReportFindings",
                columns: new[] { "WebsiteId", "ReporterId", "Kind", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceReports_ReporterId_CreatedAt",
                table: "ServiceReports",
                columns: new[] { "ReporterId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceReports_ReporterId_Kind_ContentHash",
                table: "ServiceReports",
                columns: new[] { "ReporterId", "Kind", "ContentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceReports_Status_CreatedAt",
                table: "ServiceReports",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledApps_CertificateHash",
                table: "UnfiledApps",
                column: "CertificateHash");

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledApps_PackageName_Status",
                table: "UnfiledApps",
                columns: new[] { "PackageName", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledApps_ReporterId",
                table: "UnfiledApps",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledApps_UnitCode_FoundAt",
                table: "UnfiledApps",
                columns: new[] { "UnitCode", "FoundAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ListedApps");

            migrationBuilder.DropTable(
                name: "ReportedIpRanges");

            migrationBuilder.DropTable(
                name: "ReportedSites");

            migrationBuilder.DropTable(
                name: "ReporterApiKeys");

            migrationBuilder.DropTable(
                name: "Reporters");

            migrationBuilder.DropTable(
                name: "ReportFindings");

            migrationBuilder.DropTable(
                name: "ServiceReportFailures");

            migrationBuilder.DropTable(
                name: "ServiceReports");

            migrationBuilder.DropTable(
                name: "UnfiledApps");

            migrationBuilder.DropIndex(
                name: "IX_UnfiledSites_ReporterId",
                table: "UnfiledSites");

            migrationBuilder.DropColumn(
                name: "ReporterId",
                table: "UnfiledSites");
        }
    }
}
