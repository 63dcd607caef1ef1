using System.Security.Claims;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Filing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Assessments;

/// <summary>安全评估详情: the police's requirement if any, the status, the content as submitted, each submission and the history. Only the owner sees it.</summary>
public class DetailModel(AssessmentService assessments, BeianDbContext db) : PageModel
{
    public Assessment Assessment { get; private set; } = null!;
    public AssessmentForm? Form { get; private set; }
    public IReadOnlyList<FilingApplication> Applications { get; private set; } = [];
    public IReadOnlyList<RecordTransition> History { get; private set; } = [];
    public string? RequiringUnit { get; private set; }
    public DateOnly Today => assessments.Today;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await assessments.OwnedAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, HttpContext.RequestAborted) is not { } assessment)
            return NotFound();
        Assessment = assessment;
        Form = assessment.DataCipher == null ? null : assessments.Read(assessment);
        Applications = await assessments.ApplicationsOfAsync(assessment, HttpContext.RequestAborted);
        History = await db.RecordTransitions.HistoryOfAsync(assessment.Id, HttpContext.RequestAborted);
        if (assessment.RequiredByPolice)
            RequiringUnit = await db.PoliceUnits.AsNoTracking().Where(u => u.Code == assessment.JurisdictionUnitCode).Select(u => u.Name)
                .FirstOrDefaultAsync(HttpContext.RequestAborted);
        return Page();
    }
}
