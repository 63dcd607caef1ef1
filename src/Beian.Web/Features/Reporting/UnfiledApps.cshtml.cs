using System.Security.Claims;
using Beian.Core.Time;
using Beian.Web.Features.Unfiled;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Reporting;

/// <summary>
/// 未备案APP: APPs an 应用市场 listed without a filing whose developer's certificate number matches one of the account's
/// current subjects; 【去备案】 opens 新办APP申请. The counterpart of 未备案网站.
/// </summary>
public class UnfiledAppsModel(UnfiledQueries queries, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UnfiledApp> Items { get; private set; } = [];
    public bool HasSubject { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Today = BeijingTime.DateOf(clock.GetUtcNow());
        HasSubject = (await queries.SubjectHashesAsync(userId, ct)).Count > 0;
        Items = await queries.UnfiledAppsOfAsync(userId, ct);
    }
}
