using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Web.Features.Subjects;
using Beian.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Filing;

/// <summary>
/// 新办网站申请, 新办APP申请 … (seed 004 §4.2.1) in four steps: ① the subject (read-only), ② the
/// business's basic information, ③ its people, ④ 提示说明. The wizard's working copy is the business's
/// draft for the subject, saved at every 【下一步】/【上一步】/【保存草稿】, so a person can leave and
/// come back at any step.
/// </summary>
[PackageUploadLimits]
public class NewModel(BusinessPages pages) : BusinessPageModel(pages)
{
    public const int LastStep = 4;

    [BindProperty(SupportsGet = true)]
    public int Step { get; set; } = 1;

    [BindProperty]
    public bool Consent { get; set; }

    [BindProperty]
    public Guid SubmissionKey { get; set; }

    /// <summary>The people of step ③ whose "同主体负责人信息" box is ticked: filled from the subject's 负责人 when the step is posted.</summary>
    [BindProperty]
    public List<string> SameAsSubject { get; set; } = [];

    /// <summary>A ticked "同主体负责人信息" changed what was typed: the step is shown again to be checked (请您逐项核实).</summary>
    public bool FilledFromSubject { get; private set; }

    public Subject Subject { get; private set; } = null!;
    public SubjectForm SubjectForm { get; private set; } = null!;

    public IReadOnlyList<string> StepTitles => [$"{Business.Noun}开办主体", Business.BasicInfoTitle, $"{Business.Noun}负责人", "提示说明"];

    /// <summary>While the subject is 待审核: its 新增主体 application, which step ① points to instead of 变更主体.</summary>
    public Applications.FilingApplication? WaitingSubjectApplication { get; private set; }

    /// <summary>Whether <see cref="WaitingSubjectApplication"/> may still be revoked (30 minutes), to be edited and submitted again.</summary>
    public bool SubjectApplicationRevocable =>
        WaitingSubjectApplication?.RefuseRevoke(Pages.Clock.GetUtcNow().UtcDateTime) == null;

    /// <summary>A notice above the steps from the business (a claim, a pushed 未备案网站 …), or null.</summary>
    public string? Origin => Filing.OriginOf(Form);

    public async Task<IActionResult> OnGetAsync(Guid? draft)
    {
        if (!await LoadSubjectAsync()) return NoSubject();
        var form = draft is { } id
            ? await Pages.Drafts.LoadAsync(id, UserId, Business.NewType, Business.FormType) as IBusinessForm ?? Business.NewForm()
            : await WorkingCopyAsync();
        form.SubjectId = Subject.Id;
        switch (await Filing.PrefillAsync(form, Request.Query, UserId))
        {
            case false:
                return NotFound();
            case true:
                await SaveAsync(form);
                break;
        }
        Step = Math.Clamp(Step, 1, LastStep);
        SubmissionKey = Guid.NewGuid();
        Show(form);
        return Page();
    }

    public async Task<IActionResult> OnPostNextAsync()
    {
        if (await LoadPostedAsync() is not { } form) return NoSubject();
        if (InputRefused) return Page();
        if (FilledFromSubject)
        {
            await SaveAsync(form);
            return Page();
        }
        if (!await StepIsValidAsync(form, Step)) return Page();
        await SaveAsync(form);
        return RedirectToStep(Step + 1);
    }

    public async Task<IActionResult> OnPostPreviousAsync()
    {
        if (await LoadPostedAsync() is not { } form) return NoSubject();
        if (InputRefused) return Page();
        await SaveAsync(form);
        return RedirectToStep(Math.Max(1, Step - 1));
    }

    /// <summary>
    /// Saves the step and shows it again, unchecked but for its files (an uploaded package read into the form,
    /// for the person to check before going on).
    /// </summary>
    public async Task<IActionResult> OnPostStayAsync()
    {
        if (await LoadPostedAsync() is not { } form) return NoSubject();
        if (InputRefused) return Page();
        await SaveAsync(form);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveDraftAsync()
    {
        if (await LoadPostedAsync() is not { } form) return NoSubject();
        if (InputRefused) return Page();
        await SaveAsync(form);
        TempData["Notice"] = $"{Business.Noun}备案草稿已保存。点击【详情】可从保存时的步骤继续填写。";
        return RedirectToPage("/My/Drafts");
    }

    /// <summary>【提交】 on step ④: every step is checked again; the first step with an error is shown.</summary>
    public async Task<IActionResult> OnPostSubmitAsync()
    {
        if (await LoadPostedAsync() is not { } form) return NoSubject();
        if (InputRefused) return Page();
        for (var step = 2; step <= LastStep; step++)
        {
            if (await StepIsValidAsync(form, step)) continue;
            await SaveAsync(form);
            Step = step;
            return Page();
        }
        var result = await Filing.SubmitNewAsync(UserId, Subject, form, await CheckAsync(form, Subject, null), SubmissionKey);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = Subject.Status == SubjectStatus.Pending
            ? $"{Business.Noun}备案申请已提交，将与您的开办主体一并由属地公安机关网安部门审核。"
            : $"{Business.Noun}备案申请已提交，请等待属地公安机关网安部门审核。";
        return RedirectToPage("/My/ApplicationDetail", new { id = result.Application!.Id });
    }

    public override string StayUrl => $"{Business.PagePath("New")}?handler=Stay";


    private async Task<bool> StepIsValidAsync(IBusinessForm form, int step)
    {
        IReadOnlyList<Finding> findings = step switch
        {
            2 => await Filing.CheckBasicInfoAsync(form, Subject, SubjectForm, null, HttpContext.RequestAborted),
            3 => Filing.CheckPeople(form),
            4 => PeopleChecks.Consent(form),
            _ => [],
        };
        // The posted step shows its warnings too; another step only matters when it has errors.
        if (step == Step || findings.Any(f => f.Severity == Severity.Error)) return Show(findings);
        return ModelState.IsValid;
    }

    /// <summary>The posted step replaces its part of the working copy; uploads are stored and kept by id.</summary>
    private async Task<IBusinessForm?> LoadPostedAsync()
    {
        if (!await LoadSubjectAsync()) return null;
        var form = await WorkingCopyAsync();
        form.SubjectId = Subject.Id;
        ModelState.ClearBindingErrors(HttpContext);
        switch (Step)
        {
            case 2:
                await TakeBasicInfoAsync(form);
                break;
            case 3:
                await TakePeopleAsync(form);
                FilledFromSubject = FillTickedFromSubject(form.People);
                break;
            case 4:
                form.Consent = Consent;
                break;
        }
        Show(form);
        return form;
    }

    /// <summary>What "同主体负责人信息" fills in, for the page's script to fill a person in place (the server fills the same when JavaScript is off).</summary>
    public async Task<string> SubjectPrincipalJsonAsync()
    {
        var person = ResponsiblePerson.From(SubjectForm.Principal);
        async Task<object?> FileAsync(Guid? id)
        {
            var input = new Features.Uploads.UploadInput { FileId = id };
            await Pages.Uploads.DescribeAsync(input, UserId, HttpContext.RequestAborted);
            return input.FileId is { } file ? new { id = file, name = input.FileName, url = Features.Uploads.UploadEndpoints.UrlOf(file) } : null;
        }
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            name = person.Name,
            certificateType = person.CertificateType?.ToString(),
            certificateNumber = person.CertificateNumber,
            certificateValidUntil = person.CertificateValidUntil?.ToString("yyyy-MM-dd"),
            certificateLongTerm = person.CertificateLongTerm,
            mobile = person.Mobile,
            email = person.Email,
            idFront = await FileAsync(person.IdFrontFileId),
            idBack = await FileAsync(person.IdBackFileId),
        });
    }

    private bool FillTickedFromSubject(BusinessPeople people) =>
        BusinessPeople.Keys.Intersect(SameAsSubject).Aggregate(false, (changed, key) => people.FillFromSubject(key, SubjectForm.Principal) | changed);

    private void Show(IBusinessForm form)
    {
        Display(form);
        Consent = form.Consent;
    }

    private async Task<IBusinessForm> WorkingCopyAsync() =>
        await Pages.Drafts.FindAsync(UserId, Business.NewType, Subject.Id) is { } draft
            ? await Pages.Drafts.LoadAsync(draft.Id, UserId, Business.NewType, Business.FormType) as IBusinessForm ?? Business.NewForm()
            : Business.NewForm();

    private Task SaveAsync(IBusinessForm form)
    {
        var title = string.IsNullOrWhiteSpace(form.BasicInfoSection.Name) ? $"新办{Business.Noun}（未填写名称）" : form.BasicInfoSection.Name.Trim();
        return Pages.Drafts.SaveAsync(UserId, Business.NewType, Subject.Id, title, form, Filing.FileIds(form));
    }

    private async Task<bool> LoadSubjectAsync()
    {
        var subject = await Pages.Current.GetAsync();
        if (subject == null || !SubjectStateMachine.AcceptsNewBusiness(subject.Status)) return false;
        Subject = subject;
        SubjectForm = Pages.Subjects.Read(subject);
        if (subject.Status == SubjectStatus.Pending)
            WaitingSubjectApplication = await Pages.Applications.WaitingNewSubjectApplicationAsync(subject.Id, UserId, HttpContext.RequestAborted);
        return true;
    }

    private IActionResult RedirectToStep(int step) => Redirect($"{Business.PagePath("New")}?step={step}");

    private IActionResult NoSubject()
    {
        TempData["Notice"] = $"您当前尚无有效主体，请先申请主体，再办理新办{Business.Noun}申请。";
        return RedirectToPage("/My/Subjects");
    }
}
