using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebsitesAndUnfiled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NumberSequences",
                columns: table => new
                {
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    LastSerial = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberSequences", x => new { x.AreaCode, x.Category });
                });

            migrationBuilder.CreateTable(
                name: "OfflineFilings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NumberDigits = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    NumberDisplay = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IcpNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SiteName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DomainsText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CertificateHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImportedByUnitCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClaimedWebsiteId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfflineFilings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnfiledImportBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ImportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ImportedByUnitCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FailureCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FailuresJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnfiledImportBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnfiledSites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    Ip = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FirstSeenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CertificateHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImportedByUnitCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CompletedWebsiteId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnfiledSites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Websites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MainDomain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: true),
                    RegistrableDomain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: true),
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
                    table.PrimaryKey("PK_Websites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OfflineFilingDomains",
                columns: table => new
                {
                    OfflineFilingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfflineFilingDomains", x => new { x.OfflineFilingId, x.Domain });
                    table.ForeignKey(
                        name: "FK_OfflineFilingDomains_OfflineFilings_OfflineFilingId",
                        column: x => x.OfflineFilingId,
                        principalTable: "OfflineFilings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OfflineFilingDomains_Domain",
                table: "OfflineFilingDomains",
                column: "Domain");

            migrationBuilder.CreateIndex(
                name: "IX_OfflineFilings_CertificateHash",
                table: "OfflineFilings",
                column: "CertificateHash");

            migrationBuilder.CreateIndex(
                name: "IX_OfflineFilings_IcpNumber",
                table: "OfflineFilings",
                column: "IcpNumber");

            migrationBuilder.CreateIndex(
                name: "IX_OfflineFilings_ImportedByUnitCode_ImportedAt",
                table: "OfflineFilings",
                columns: new[] { "ImportedByUnitCode", "ImportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OfflineFilings_NumberDigits",
                table: "OfflineFilings",
                column: "NumberDigits",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledImportBatches_ImportedByUserId_ImportedAt",
                table: "UnfiledImportBatches",
                columns: new[] { "ImportedByUserId", "ImportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledSites_CertificateHash",
                table: "UnfiledSites",
                column: "CertificateHash");

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledSites_Domain_Status",
                table: "UnfiledSites",
                columns: new[] { "Domain", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_UnfiledSites_ImportedByUnitCode_ImportedAt",
                table: "UnfiledSites",
                columns: new[] { "ImportedByUnitCode", "ImportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Websites_NumberDigits",
                table: "Websites",
                column: "NumberDigits",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Websites_OwnerUserId_Status",
                table: "Websites",
                columns: new[] { "OwnerUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Websites_RegistrableDomain",
                table: "Websites",
                column: "RegistrableDomain");

            migrationBuilder.CreateIndex(
                name: "IX_Websites_SubjectId_Status",
                table: "Websites",
                columns: new[] { "SubjectId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NumberSequences");

            migrationBuilder.DropTable(
                name: "OfflineFilingDomains");

            migrationBuilder.DropTable(
                name: "UnfiledImportBatches");

            migrationBuilder.DropTable(
                name: "UnfiledSites");

            migrationBuilder.DropTable(
                name: "Websites");

            migrationBuilder.DropTable(
                name: "OfflineFilings");
        }
    }
}
