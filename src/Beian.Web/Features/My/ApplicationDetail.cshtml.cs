using System.Security.Claims;
using System.Text.Json;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.My;

/// <summary>申请详情: the submitted snapshot, the history and 【撤销申请】. Only the owner sees it.</summary>
public class ApplicationDetailModel(
    ApplicationService applications,
    BeianDbContext db,
    PersonalDataProtector protector,
    TimeProvider clock) : PageModel
{
    public FilingApplication Application { get; private set; } = null!;
    public PoliceUnit? Unit { get; private set; }
    public object? Snapshot { get; private set; }
    public SnapshotView? View { get; private set; }
    public string? RevokeRefusal { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var result = await applications.RevokeAsync(id, UserId);
        if (!result.Found) return NotFound();
        if (!result.Succeeded)
        {
            await LoadAsync(id);
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        Notice = "申请已撤销。";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var application = await applications.FindForOwnerAsync(id, UserId);
        if (application == null) return false;
        Application = application;
        Unit = await db.PoliceUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == application.JurisdictionUnitCode);
        View = SnapshotViews.For(application.BusinessType);
        if (View != null)
            Snapshot = JsonSerializer.Deserialize(protector.Decrypt(application.SnapshotCipher), View.FormType);
        RevokeRefusal = application.RefuseRevoke(clock.GetUtcNow().UtcDateTime);
        return true;
    }
}
