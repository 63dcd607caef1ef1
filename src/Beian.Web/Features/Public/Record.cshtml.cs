using Beian.Core.Filing;
using Beian.Core.Numbering;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.PublicQuery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Public;

/// <summary>
/// The public record of one 公安备案号 — the page a filed site's footer badge links to (SPEC §11).
/// Only what the real platform shows, read from the public read table (an individual's name is
/// masked there); a cancelled number says 已注销. Counted in the public query's rate limit.
/// </summary>
[AllowAnonymous]
public class RecordModel(BeianDbContext db, PublicWebsiteQueries queries, PublicQueryLimiter limiter) : PageModel
{
    public PublicWebsiteItem? Website { get; private set; }
    public CancelledRecord? Cancelled { get; private set; }
    public string? Error { get; private set; }

    public sealed record CancelledRecord(string Name, string NumberDisplay);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var admission = await limiter.AdmitAsync(HttpContext, captchaIsRefusal: false, cancellationToken);
        if (admission.Gate == PublicQueryGate.Refused)
        {
            PublicQueryLimiter.Refuse(Response, admission);
            Error = admission.RefusalMessage;
            return Page();
        }
        if (!PublicSecurityNumber.TryParse(code, out var number, out var error))
            return Missing(error);
        if (await queries.ByNumberAsync(number.Digits, cancellationToken) is { } row)
        {
            Website = PublicWebsiteItem.From(row);
            return Page();
        }
        Cancelled = await db.Websites.AsNoTracking()
            .Where(w => w.NumberDigits == number.Digits && w.Status == FilingStatus.Cancelled)
            .Select(w => new CancelledRecord(w.Name, w.NumberDisplay!))
            .FirstOrDefaultAsync(cancellationToken);
        return Cancelled == null ? Missing("未查询到该公安备案号的备案信息") : Page();
    }

    private PageResult Missing(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
