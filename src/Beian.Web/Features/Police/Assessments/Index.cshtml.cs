using Beian.Core.Assessments;
using Beian.Core.Time;
using Beian.Web.Features.Assessments;
using Beian.Web.Features.Police.Exports;
using Beian.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Police.Assessments;

/// <summary>
/// 安全评估 of the officer's jurisdiction: filed by status, case and method, or only the 待评估 past their
/// deadline (已超期); each row opens its review; 【要求安全评估】 of a filed business; 【导出Excel】 of every matching row.
/// </summary>
public class IndexModel(Officers officers, AssessmentOversight oversight, AssessmentExport list, PoliceExports exports, IConfiguration configuration)
    : FilteredListModel<AssessmentRow>
{
    public const int PageSize = 20;
    public const string Title = AssessmentExport.ListTitle;

    public static IReadOnlyList<string> Columns => AssessmentExport.Headers;

    [BindProperty(SupportsGet = true)]
    public AssessmentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public AssessmentTrigger? Trigger { get; set; }

    [BindProperty(SupportsGet = true)]
    public AssessmentMethod? Method { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public DateOnly Today => oversight.Today;

    public string? ExportHref => Url.Page("/Police/Assessments/Index", "Export", new { status = Status, trigger = Trigger, method = Method, overdue = Overdue });

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        await ListAsync(async () =>
        {
            var query = oversight.InJurisdiction(officer.UnitCode, Filter);
            return (await query.CountUpToAsync(BoundedCount.BoundOf(configuration), cancellationToken),
                await oversight.PageAsync(query, Cursor, PageSize, cancellationToken));
        });
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (await officers.CurrentAsync(User, cancellationToken) is not { } officer) return Forbid();
        if (!FilterIsValid()) return Page();
        return await exports.ExportAsync(this, list, officer, Filter, cancellationToken);
    }

    /// <summary>"已超期" beside the status of a 待评估 past its deadline.</summary>
    public string StatusText(Assessment assessment) => AssessmentExport.StatusText(assessment.Status, assessment.DueOn, Today);

    private AssessmentFilter Filter => new(Status, Trigger, Method, Overdue);
}
