using Beian.Core.Numbering;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Features.Websites;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Public;

/// <summary>
/// The public record of one 公安备案号 — the page a filed site's footer badge links to (SPEC §11).
/// Only what the real platform shows; an individual's name is partly masked.
/// </summary>
[AllowAnonymous]
public class RecordModel(BeianDbContext db, WebsiteService websites) : PageModel
{
    public Website? Website { get; private set; }
    public IReadOnlyList<string> SubDomains { get; private set; } = [];
    public string SubjectNature { get; private set; } = string.Empty;
    public string Holder { get; private set; } = string.Empty;
    public PoliceUnit? Unit { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (!PublicSecurityNumber.TryParse(code, out var number, out var error))
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Website = await db.Websites.AsNoTracking()
            .FirstOrDefaultAsync(w => w.NumberDigits == number.Digits && w.Status != WebsiteStatus.Withdrawn);
        if (Website == null)
        {
            Error = "未查询到该公安备案号的备案信息";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var subject = await db.Subjects.AsNoTracking().FirstAsync(s => s.Id == Website.SubjectId);
        SubjectNature = subject.Nature.DisplayName();
        Holder = PublicHolder.NameOf(subject.Nature, subject.Name);
        SubDomains = websites.Read(Website).BasicInfo.SubDomains;
        Unit = await db.PoliceUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == Website.JurisdictionUnitCode);
        return Page();
    }
}
