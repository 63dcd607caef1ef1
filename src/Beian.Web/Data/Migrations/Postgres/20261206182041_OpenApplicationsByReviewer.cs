using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenApplicationsByReviewer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Applications_Open_Reviewer",
                table: "Applications",
                columns: new[] { "AssignedReviewerUserId", "SubmittedAt", "Number", "BusinessType" },
                filter: "\"Status\" IN ('Pending', 'InReview', 'Inspecting')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_Open_Reviewer",
                table: "Applications");
        }
    }
}
