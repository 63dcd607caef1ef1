using System.Security.Claims;
using Beian.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Reporting;

/// <summary>One report of the account's reporter: its progress while read (the page reloads itself every few seconds), its counts, and each refused row with its line and reason.</summary>
public class ReportModel(ReporterService reporters, BeianDbContext db) : PageModel
{
    public const int PageSize = 50;
    public const int RefreshSeconds = 3;

    public ServiceReport Report { get; private set; } = null!;
    public Reporter Reporter { get; private set; } = null!;
    public IReadOnlyList<ServiceReportFailure> Failures { get; private set; } = [];
    public int FailureCount { get; private set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int PageCount => Math.Max(1, (FailureCount + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var report = await db.Set<ServiceReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report == null || await reporters.OwnedAsync(report.ReporterId, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken) is not { } reporter)
            return NotFound();
        Report = report;
        Reporter = reporter;
        var failures = db.Set<ServiceReportFailure>().AsNoTracking().Where(f => f.ReportId == id);
        FailureCount = await failures.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Failures = await failures.OrderBy(f => f.Line).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        if (!report.IsDone) Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }
}
