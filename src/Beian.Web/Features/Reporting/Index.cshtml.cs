using System.Security.Claims;
using Beian.Core.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Reporting;

/// <summary>我的服务商 / 我的应用市场 (seed 004 §4.3): the account's applications for the status and their state, with 【详情】.</summary>
public class IndexModel(ReporterService reporters) : PageModel
{
    public ReporterRole Role { get; private set; }
    public IReadOnlyList<Reporter> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string role, CancellationToken cancellationToken)
    {
        if (ReporterRoutes.RoleOf(role) is not { } known) return NotFound();
        Role = known;
        Items = await reporters.OfOwnerAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, known, cancellationToken);
        return Page();
    }
}
