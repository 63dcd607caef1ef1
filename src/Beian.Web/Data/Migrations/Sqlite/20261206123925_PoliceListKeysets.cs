using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PoliceListKeysets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Applications_Open_SubmittedAt_Number",
                table: "Applications",
                columns: new[] { "SubmittedAt", "Number" },
                filter: "\"Status\" IN ('Pending', 'InReview', 'Inspecting')");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_SubmittedAt_Number",
                table: "Applications",
                columns: new[] { "Status", "SubmittedAt", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_Open_SubmittedAt_Number",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_SubmittedAt_Number",
                table: "Applications");
        }
    }
}
