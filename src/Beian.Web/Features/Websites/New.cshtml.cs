using System.Security.Claims;
using Beian.Core.Applications;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using Beian.Web.Features.Drafts;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Websites;

/// <summary>
/// 新办网站申请 (seed 004 §4.2.1) in four steps: ① 网站开办主体 (read-only), ② 网站基本信息,
/// ③ 网站负责人, ④ 提示说明. The wizard's working copy is the NewWebsite draft of the subject, saved
/// at every 【下一步】/【上一步】/【保存草稿】, so a person can leave and come back at any step.
/// </summary>
public class NewModel(
    SubjectService subjects,
    CurrentSubject current,
    DraftService drafts,
    UploadService uploads,
    WebsiteChecks checks,
    WebsiteService websites,
    WebsitePrefill prefill) : WebsiteFormPageModel(uploads)
{
    public static readonly string[] StepTitles = ["网站开办主体", "网站基本信息", "网站负责人", "提示说明"];

    [BindProperty(SupportsGet = true)]
    public int Step { get; set; } = 1;

    [BindProperty]
    public bool Consent { get; set; }

    [BindProperty]
    public Guid SubmissionKey { get; set; }

    public Subject Subject { get; private set; } = null!;
    public SubjectForm SubjectForm { get; private set; } = null!;
    public WebsiteForm Form { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? draft, Guid? unfiled, Guid? claim)
    {
        if (!await LoadSubjectAsync()) return NoSubject();
        Form = draft is { } id
            ? await drafts.LoadAsync<WebsiteForm>(id, UserId, BusinessType.NewWebsite) ?? new WebsiteForm()
            : await WorkingCopyAsync();
        Form.SubjectId = Subject.Id;
        if (unfiled is { } unfiledId || claim is { } claimId)
        {
            var prefilled = unfiled is { } u ? await prefill.FromUnfiledAsync(Form, UserId, u) : await prefill.FromClaimAsync(Form, claim!.Value);
            if (!prefilled) return NotFound();
            await SaveAsync();
        }
        Step = Math.Clamp(Step, 1, StepTitles.Length);
        SubmissionKey = Guid.NewGuid();
        Display();
        return Page();
    }

    public async Task<IActionResult> OnPostNextAsync()
    {
        if (!await LoadPostedAsync()) return NoSubject();
        if (!await StepIsValidAsync(Step)) return Page();
        await SaveAsync();
        return RedirectToPage(new { step = Step + 1 });
    }

    public async Task<IActionResult> OnPostPreviousAsync()
    {
        if (!await LoadPostedAsync()) return NoSubject();
        await SaveAsync();
        return RedirectToPage(new { step = Math.Max(1, Step - 1) });
    }

    public async Task<IActionResult> OnPostSaveDraftAsync()
    {
        if (!await LoadPostedAsync()) return NoSubject();
        await SaveAsync();
        TempData["Notice"] = "网站备案草稿已保存。点击【详情】可从保存时的步骤继续填写。";
        return RedirectToPage("/My/Drafts");
    }

    /// <summary>"同主体负责人信息": fills one person of step ③ from the subject's 负责人.</summary>
    public async Task<IActionResult> OnPostFillFromSubjectAsync(string person)
    {
        if (!await LoadPostedAsync()) return NoSubject();
        var target = WizardSlots.PersonOf(Form.People, person);
        var principal = SubjectForm.Principal;
        target.Name = principal.Name;
        target.CertificateType = principal.CertificateType;
        target.CertificateNumber = principal.CertificateNumber;
        target.CertificateValidUntil = principal.CertificateValidUntil;
        target.CertificateLongTerm = principal.CertificateLongTerm;
        target.IdFrontFileId = principal.IdFrontFileId;
        target.IdBackFileId = principal.IdBackFileId;
        target.Mobile = principal.Mobile;
        target.Email = principal.Email;
        if (person == "OpinionGuide") Form.People.HasOpinionGuide = true;
        await SaveAsync();
        return RedirectToPage(new { step = 3 });
    }

    /// <summary>【提交】 on step ④: every step is checked again; the first step with an error is shown.</summary>
    public async Task<IActionResult> OnPostSubmitAsync()
    {
        if (!await LoadPostedAsync()) return NoSubject();
        for (var step = 2; step <= 4; step++)
        {
            if (await StepIsValidAsync(step)) continue;
            await SaveAsync();
            Step = step;
            Display();
            return Page();
        }
        var findings = await checks.BasicInfoAsync(Form, Subject, SubjectForm, null);
        var result = await websites.SubmitNewAsync(UserId, Subject, Form, findings.Concat(checks.People(Form)).ToList(), SubmissionKey);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = Subject.Status == SubjectStatus.Pending
            ? "网站备案申请已提交，将与您的开办主体一并由属地公安机关网安部门审核。"
            : "网站备案申请已提交，请等待属地公安机关网安部门审核。";
        return RedirectToPage("/My/ApplicationDetail", new { id = result.Application!.Id });
    }

    private async Task<bool> StepIsValidAsync(int step)
    {
        var findings = step switch
        {
            2 => await checks.BasicInfoAsync(Form, Subject, SubjectForm, null),
            3 => checks.People(Form),
            4 => checks.Consent(Form),
            _ => [],
        };
        // The posted step shows its warnings too; another step only matters when it has errors.
        if (step == Step || findings.Any(f => f.Severity == Severity.Error)) return Show(findings);
        return ModelState.IsValid;
    }

    /// <summary>The posted step replaces its part of the working copy; uploads are stored and kept by id.</summary>
    private async Task<bool> LoadPostedAsync()
    {
        if (!await LoadSubjectAsync()) return false;
        Form = await WorkingCopyAsync();
        Form.SubjectId = Subject.Id;
        ModelState.Clear();
        switch (Step)
        {
            case 2:
                await TakeBasicInfoAsync(Form);
                break;
            case 3:
                await TakePeopleAsync(Form);
                break;
            case 4:
                Form.Consent = Consent;
                break;
        }
        Display();
        return true;
    }

    private void Display()
    {
        Display(Form);
        Consent = Form.Consent;
    }

    private async Task<WebsiteForm> WorkingCopyAsync() =>
        await drafts.FindAsync(UserId, BusinessType.NewWebsite, Subject.Id) is { } draft
            ? await drafts.LoadAsync<WebsiteForm>(draft.Id, UserId, BusinessType.NewWebsite) ?? new WebsiteForm()
            : new WebsiteForm();

    private Task SaveAsync()
    {
        var title = string.IsNullOrWhiteSpace(Form.BasicInfo.Name) ? "新办网站（未填写名称）" : Form.BasicInfo.Name.Trim();
        return drafts.SaveAsync(UserId, BusinessType.NewWebsite, Subject.Id, title, Form, WebsiteService.FileIds(Form));
    }

    private async Task<bool> LoadSubjectAsync()
    {
        var subject = await current.GetAsync();
        if (subject == null || !SubjectStateMachine.AcceptsNewBusiness(subject.Status)) return false;
        Subject = subject;
        SubjectForm = subjects.Read(subject);
        return true;
    }

    private IActionResult NoSubject()
    {
        TempData["Notice"] = "您当前尚无有效主体，请先申请主体，再办理新办网站申请。";
        return RedirectToPage("/My/Subjects");
    }

}
