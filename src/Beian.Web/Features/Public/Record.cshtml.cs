using Beian.Core.Numbering;
using Beian.Web.Features.Filing;
using Beian.Web.Features.PublicQuery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Public;

/// <summary>
/// The public record of one 公安备案号 — the page a filed site's footer badge and an APP's or 小程序's 关于 page link to
/// (SPEC §7, §11). Only what the real platform shows, read from the public read tables (an individual's name is
/// masked there); a cancelled number says 已注销. The number's category says which business it belongs to.
/// Counted in the public query's rate limit.
/// </summary>
[AllowAnonymous]
public class RecordModel(PublicWebsiteQueries websites, PublicServiceQueries services, Businesses businesses, IEnumerable<IBusinessFiling> filings,
    PublicQueryLimiter limiter) : PageModel
{
    public PublicWebsiteItem? Website { get; private set; }
    public PublicServiceItem? Service { get; private set; }
    /// <summary>The business of the number: websites unless its category is another's.</summary>
    public IBusiness? Business { get; private set; }
    public CancelledRecord? Cancelled { get; private set; }
    public string? Error { get; private set; }

    /// <summary>A number no longer in force: the name it was filed for and the number.</summary>
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
        Business = businesses.ByCategory(number.Category) ?? businesses.ByCategory(FilingCategory.Website)!;
        if (Business.PublicScope != null)
            Service = await services.ByNumberAsync(Business.RecordType, number.Digits, cancellationToken) is { } row ? PublicServiceItem.From(row) : null;
        else
            Website = await websites.ByNumberAsync(number.Digits, cancellationToken) is { } site ? PublicWebsiteItem.From(site) : null;
        if (Website == null && Service == null)
        {
            var filing = filings.Single(f => f.Business == Business);
            Cancelled = await filing.CancelledByNumberAsync(number.Digits, cancellationToken) is { } record
                ? new CancelledRecord(record.Name, record.NumberDisplay!)
                : null;
        }
        return Website == null && Service == null && Cancelled == null ? Missing("未查询到该公安备案号的备案信息") : Page();
    }

    private PageResult Missing(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
