using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Assessments;

/// <summary>我的 → 安全评估: 当前安全评估 (待评估, 待审核, 已退回) or 历史安全评估 (已通过, 已撤销).</summary>
public class MineModel(AssessmentService assessments) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool History { get; set; }

    public AssessmentList List { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var items = History
            ? await assessments.HistoryOfOwnerAsync(userId, HttpContext.RequestAborted)
            : await assessments.CurrentOfOwnerAsync(userId, cancellationToken: HttpContext.RequestAborted);
        List = new AssessmentList(items, assessments.Today, Empty: History ? "暂无历史安全评估。" : "暂无当前安全评估。");
    }
}
