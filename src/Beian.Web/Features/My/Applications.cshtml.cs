using System.Security.Claims;
using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.My;

/// <summary>我的申请 (seed 004 §4.3.2): every application of the account.</summary>
public class ApplicationsModel(BeianDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public BusinessType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public ApplicationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<FilingApplication> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var query = db.Applications.AsNoTracking().Where(a => a.OwnerUserId == userId);
        if (Type is { } type) query = query.Where(a => a.BusinessType == type);
        if (Status is { } status) query = query.Where(a => a.Status == status);
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Items = await query.OrderByDescending(a => a.SubmittedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }
}
