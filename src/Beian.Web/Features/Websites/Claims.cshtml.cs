using System.Security.Claims;
using Beian.Web.Features.Unfiled;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Websites;

/// <summary>
/// 已办网站认领: websites filed offline earlier whose subject certificate number matches one of the
/// account's current subjects, and a search by 域名, 公安备案号 or 工信部备案号 that shows only the
/// non-personal fields. 【认领】 opens the new-website flow prefilled.
/// </summary>
public class ClaimsModel(UnfiledQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<OfflineFiling> Items { get; private set; } = [];
    public IReadOnlyList<OfflineFiling>? Found { get; private set; }
    public bool HasSubject { get; private set; }
    public string? SearchError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        HasSubject = (await queries.SubjectHashesAsync(userId, ct)).Count > 0;
        Items = await queries.ClaimableOfAsync(userId, ct);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            Found = await queries.SearchClaimableAsync(Query, ct);
            if (Found == null) SearchError = "请输入完整的域名（如example.com）、公安备案号或工信部备案号";
        }
    }
}
