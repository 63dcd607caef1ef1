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
    : PageModel
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

    /// <summary>The page shown (<see cref="KeysetPaging"/>): none for the first.</summary>
    [BindProperty(SupportsGet = true, Name = KeysetPaging.QueryKey)]
    public string? Cursor { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<AssessmentRow> Rows { get; private set; } = [];
    public BoundedCount Total { get; private set; } = new(0, 0);
    public (string? Previous, string? Next) Pager { get; private set; }
    public DateOnly Today => oversight.Today;

    public string? ExportHref => Url.Page("/Police/Assessments/Index", "Export", new { status = Status, trigger = Trigger, method = Method, overdue = Overdue });

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await FilteredAsync(cancellationToken) is not { } query) return Forbid();
        Total = await query.CountUpToAsync(BoundedCount.BoundOf(configuration), cancellationToken);
        var page = await oversight.PageAsync(query, Cursor, PageSize, cancellationToken);
        (Rows, Pager) = (page.Rows, (page.Previous, page.Next));
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        await officers.CurrentAsync(User, cancellationToken) is { } officer
            ? await exports.ExportAsync(this, list, officer, Filter, cancellationToken)
            : Forbid();

    /// <summary>"已超期" beside the status of a 待评估 past its deadline.</summary>
    public string StatusText(Assessment assessment) => AssessmentExport.StatusText(assessment.Status, assessment.DueOn, Today);

    private AssessmentFilter Filter => new(Status, Trigger, Method, Overdue);

    private async Task<IQueryable<Assessment>?> FilteredAsync(CancellationToken cancellationToken) =>
        await officers.CurrentAsync(User, cancellationToken) is { } officer
            ? oversight.InJurisdiction(officer.UnitCode, Filter)
            : null;
}
