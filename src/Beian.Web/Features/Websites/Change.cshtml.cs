using Beian.Web.Data;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Uploads;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Websites;

/// <summary>变更网站 (seed 004 §4.2.2): the filed sites → 【变更】 → edit → 【提交】; 变更中 until reviewed.</summary>
public class ChangeModel(BeianDbContext db, UploadService uploads, WebsiteService websites, WebsiteChecks checks, SubjectService subjects)
    : WebsiteFormPageModel(uploads)
{
    [BindProperty(SupportsGet = true, Name = "website")]
    public Guid? WebsiteId { get; set; }

    [BindProperty]
    public Guid SubmissionKey { get; set; }

    public Website? Website { get; private set; }
    public IReadOnlyList<Website> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (WebsiteId == null)
        {
            Sites = await FiledSites.OfAsync(db, UserId);
            return Page();
        }
        Website = await FiledSites.OwnedAsync(db, WebsiteId.Value, UserId);
        if (Website == null) return NotFound();
        SubmissionKey = Guid.NewGuid();
        Display(websites.Read(Website));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Website = WebsiteId is { } id ? await FiledSites.OwnedAsync(db, id, UserId) : null;
        if (Website == null) return NotFound();
        var form = websites.Read(Website);
        ModelState.Clear();
        await TakeBasicInfoAsync(form);
        await TakePeopleAsync(form);
        var subject = await db.Subjects.FindAsync(Website.SubjectId);
        var findings = (await checks.BasicInfoAsync(form, subject!, subjects.Read(subject!), Website.Id)).Concat(checks.People(form)).ToList();
        if (!Show(findings))
        {
            Display(form);
            return Page();
        }
        var result = await websites.SubmitChangeAsync(UserId, Website, form, findings, SubmissionKey);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            Display(form);
            return Page();
        }
        TempData["Notice"] = "变更网站申请已提交，网站状态为“变更中”。";
        return RedirectToPage("/My/ApplicationDetail", new { id = result.Application!.Id });
    }
}
