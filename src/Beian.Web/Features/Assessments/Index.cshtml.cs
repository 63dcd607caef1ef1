using System.Security.Claims;
using Beian.Core.Assessments;
using Beian.Web.Features.Subjects;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Assessments;

/// <summary>
/// 安全评估 (seed 004 §3.2): when an assessment is due under the 2018 regulation, 【发起安全评估】, and what the
/// filer has to do now: the police's 待评估 first, then those under review or returned.
/// </summary>
public class IndexModel(AssessmentService assessments, CurrentSubject current) : PageModel
{
    public AssessmentList Current { get; private set; } = null!;
    public bool HasSubject { get; private set; }

    public async Task OnGetAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        HasSubject = await current.GetAsync(HttpContext.RequestAborted) != null;
        Current = new AssessmentList(await assessments.CurrentOfOwnerAsync(userId, cancellationToken: HttpContext.RequestAborted), assessments.Today,
            Empty: "暂无待办的安全评估。");
    }
}
