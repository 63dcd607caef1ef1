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
/// The public record of one 公安备案号 — the page a filed site's footer badge and an APP's 关于 page link to (SPEC §7, §11).
/// Only what the real platform shows, read from the public read table (an individual's name is
/// masked there); a cancelled number says 已注销. Counted in the public query's rate limit.
/// </summary>
[AllowAnonymous]
public class RecordModel(BeianDbContext db, PublicWebsiteQueries queries, PublicAppQueries apps, PublicQueryLimiter limiter) : PageModel
{
    public PublicWebsiteItem? Website { get; private set; }
    public PublicAppItem? App { get; private set; }
    public CancelledRecord? Cancelled { get; private set; }
    public string? Error { get; private set; }

    /// <summary>A number no longer in force: the name it was filed for, its business (网站, APP) and the number.</summary>
    public sealed record CancelledRecord(string Noun, string Name, string NumberDisplay);

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
        if (number.Category == FilingCategory.App)
        {
            App = await apps.ByNumberAsync(number.Digits, cancellationToken) is { } app ? PublicAppItem.From(app) : null;
            Cancelled ??= App == null ? await CancelledAsync(db.Apps, "APP", number.Digits, cancellationToken) : null;
        }
        else if (await queries.ByNumberAsync(number.Digits, cancellationToken) is { } row)
        {
            Website = PublicWebsiteItem.From(row);
        }
        else
        {
            Cancelled = await CancelledAsync(db.Websites, "网站", number.Digits, cancellationToken);
        }
        return Website == null && App == null && Cancelled == null ? Missing("未查询到该公安备案号的备案信息") : Page();
    }

    private static Task<CancelledRecord?> CancelledAsync<TRecord>(DbSet<TRecord> records, string noun, string digits, CancellationToken cancellationToken)
        where TRecord : Features.Filing.BusinessRecord =>
        records.AsNoTracking().Where(r => r.NumberDigits == digits && r.Status == FilingStatus.Cancelled)
            .Select(r => new CancelledRecord(noun, r.Name, r.NumberDisplay!)).FirstOrDefaultAsync(cancellationToken);

    private PageResult Missing(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
