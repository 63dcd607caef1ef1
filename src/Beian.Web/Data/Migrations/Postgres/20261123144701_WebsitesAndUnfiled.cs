using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Postgres
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
                    AreaCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Category = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    LastSerial = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberSequences", x => new { x.AreaCode, x.Category });
                });

            migrationBuilder.CreateTable(
                name: "OfflineFilings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NumberDigits = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    NumberDisplay = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IcpNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SiteName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DomainsText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubjectName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CertificateHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    ImportedByUnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ClaimedWebsiteId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfflineFilings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnfiledImportBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ImportedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ImportedByUnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedCount = table.Column<int>(type: "integer", nullable: false),
                    MatchedCount = table.Column<int>(type: "integer", nullable: false),
                    FailureCount = table.Column<int>(type: "integer", nullable: false),
                    FailuresJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnfiledImportBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnfiledSites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    Ip = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Provider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FirstSeenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    CertificateHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    ImportedByUnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CompletedWebsiteId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnfiledSites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Websites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MainDomain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    RegistrableDomain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    Interactive = table.Column<bool>(type: "boolean", nullable: false),
                    DataCipher = table.Column<string>(type: "text", nullable: false),
                    JurisdictionUnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NumberDigits = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    NumberDisplay = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Websites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OfflineFilingDomains",
                columns: table => new
                {
                    OfflineFilingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false)
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
