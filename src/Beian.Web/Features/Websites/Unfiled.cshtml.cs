using System.Security.Claims;
using Beian.Web.Features.Unfiled;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Websites;

/// <summary>
/// 未备案网站: websites the police found without a filing whose subject certificate number matches
/// one of the account's current subjects; 【去备案】 opens the new-website flow prefilled.
/// </summary>
public class UnfiledModel(UnfiledQueries queries, TimeProvider clock) : PageModel
{
    /// <summary>A deadline this close (days) is highlighted as 即将到期.</summary>
    public const int NearDays = 7;

    public IReadOnlyList<UnfiledSite> Items { get; private set; } = [];
    public bool HasSubject { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
        HasSubject = (await queries.SubjectHashesAsync(userId, ct)).Count > 0;
        Items = await queries.UnfiledSitesOfAsync(userId, ct);
    }

    public string DeadlineClass(UnfiledSite site) => site.Status != UnfiledSiteStatus.Pending ? ""
        : site.Deadline < Today ? "deadline-overdue text-danger fw-bold"
        : site.Deadline <= Today.AddDays(NearDays) ? "deadline-near text-warning fw-bold" : "";

    public string DeadlineNote(UnfiledSite site) => site.Status != UnfiledSiteStatus.Pending ? ""
        : site.ShutdownRiskSince != null ? "（已逾期，存在关停风险）"
        : site.Deadline < Today ? "（已逾期）"
        : site.Deadline <= Today.AddDays(NearDays) ? $"（剩{site.Deadline.DayNumber - Today.DayNumber}天）" : "";
}
