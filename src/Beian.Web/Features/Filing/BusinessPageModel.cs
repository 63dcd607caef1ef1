using System.Security.Claims;
using Beian.Core.Rules;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Uploads;
using Beian.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Filing;

/// <summary>
/// What the pages of every business's form share (新办, 变更, 修改后重新提交): the business named by the
/// route (/Websites/…, /Apps/…) with its filing service, its step ② (the business's own partial) and
/// step ③ bound from the post, their upload slots (kept by id when a form is shown again), and
/// findings shown next to their fields.
/// </summary>
public abstract class BusinessPageModel(BusinessPages pages) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "business")]
    public string Segment { get; set; } = string.Empty;

    [BindProperty]
    public Dictionary<string, UploadInput> Uploads { get; set; } = [];

    public IBusiness Business { get; private set; } = null!;
    protected IBusinessFiling Filing { get; private set; } = null!;

    /// <summary>The form as shown: the working copy with what was posted in it.</summary>
    public IBusinessForm Form { get; protected set; } = null!;

    public IReadOnlyList<Finding> Warnings { get; protected set; } = [];

    /// <summary>What the business read from the files just uploaded (an APP's package), for the person to check.</summary>
    public IReadOnlyList<string> FileNotices { get; private set; } = [];

    protected BusinessPages Pages => pages;
    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Something typed breaks the input rules: the form is shown again as typed, nothing checked or saved.</summary>
    protected bool InputRefused => RefusedInput.Any(HttpContext);

    public object BasicInfo => Form.BasicInfoSection;
    public BusinessPeople People => Form.People;

    /// <summary>Where 【读取安装包】 and the like post: the page saves what was typed and shows it again, nothing submitted.</summary>
    public abstract string StayUrl { get; }

    public UploadInput SlotValue(string slot) => Uploads.TryGetValue(slot, out var input) ? input : new UploadInput();

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (pages.Businesses.BySegment(Segment) is not { } business)
        {
            context.Result = NotFound();
            return;
        }
        Business = business;
        Filing = pages.FilingOf(business);
        Form = business.NewForm();
        await next();
    }

    /// <summary>The posted step ② replaces the form's: bound from "BasicInfo.…", its files stored now or kept by id.</summary>
    protected async Task TakeBasicInfoAsync(IBusinessForm form)
    {
        var posted = (IBasicInfo)Activator.CreateInstance(form.BasicInfoSection.GetType())!;
        await TryUpdateModelAsync(posted, posted.GetType(), "BasicInfo");
        form.BasicInfoSection = posted;
        await ResolveAsync(posted.FileSlots());
        FileNotices = await Filing.TakeFilesAsync(form, HttpContext.RequestAborted);
    }

    /// <summary>The posted people replace the form's, with their identity images.</summary>
    protected async Task TakePeopleAsync(IBusinessForm form)
    {
        var posted = new BusinessPeople();
        await TryUpdateModelAsync(posted, "People");
        form.People = posted;
        await ResolveAsync(posted.FileSlots(Business.OffersOpinionGuide));
    }

    /// <summary>Steps ② and ③ of a form shown on one page (变更, 修改后重新提交), binding errors left to the pre-check.</summary>
    protected async Task TakeWholeFormAsync(IBusinessForm form)
    {
        ModelState.ClearBindingErrors(HttpContext);
        await TakeBasicInfoAsync(form);
        await TakePeopleAsync(form);
    }

    /// <summary>What the page shows: the form and its stored files in their slots.</summary>
    protected void Display(IBusinessForm form)
    {
        Form = form;
        foreach (var slot in form.BasicInfoSection.FileSlots().Concat(form.People.FileSlots(Business.OffersOpinionGuide)))
        {
            if (slot.Current is not { } fileId) continue;
            if (!Uploads.TryGetValue(slot.Key, out var input)) Uploads[slot.Key] = input = new UploadInput();
            input.FileId = fileId;
        }
    }

    /// <summary>Steps ② and ③ checked against the subject and what is filed today.</summary>
    protected async Task<IReadOnlyList<Finding>> CheckAsync(IBusinessForm form, Subject subject, Guid? recordId)
    {
        var basic = await Filing.CheckBasicInfoAsync(form, subject, pages.Subjects.Read(subject), recordId, HttpContext.RequestAborted);
        return [.. basic, .. Filing.CheckPeople(form)];
    }

    /// <summary>Errors go next to their fields; warnings are listed, not blocking. True when no error.</summary>
    protected bool Show(IEnumerable<Finding> findings)
    {
        var list = findings.ToList();
        var slots = Form.BasicInfoSection.FileSlots().Concat(Form.People.FileSlots(Business.OffersOpinionGuide))
            .Where(s => s.Field.EndsWith("FileId", StringComparison.Ordinal)).ToDictionary(s => s.Field, s => FormSlots.FieldName(s.Key));
        foreach (var error in list.Where(f => f.Severity == Severity.Error))
            ModelState.AddModelError(slots.GetValueOrDefault(error.Field, error.Field), error.Message);
        Warnings = list.Where(f => f.Severity == Severity.Warning).ToList();
        return !list.Any(f => f.Severity == Severity.Error) && ModelState.IsValid;
    }

    private async Task ResolveAsync(IEnumerable<FileSlot> slots)
    {
        foreach (var slot in slots.ToList())
        {
            if (!Uploads.TryGetValue(slot.Key, out var input))
            {
                slot.Set(null);
                continue;
            }
            var file = await pages.Uploads.ResolveIntoAsync(ModelState, FormSlots.FieldName(slot.Key), input, UserId, slot.Purpose, required: false);
            input.FileId = file?.Id;
            slot.Set(file?.Id);
        }
    }
}

/// <summary>What the business pages use, in one constructor argument.</summary>
public sealed class BusinessPages(
    Businesses businesses,
    IEnumerable<IBusinessFiling> filings,
    SubjectService subjects,
    CurrentSubject current,
    UploadService uploads,
    Drafts.DraftService drafts,
    Applications.ApplicationService applications,
    TimeProvider clock)
{
    public Applications.ApplicationService Applications => applications;
    public TimeProvider Clock => clock;

    public Businesses Businesses => businesses;
    public SubjectService Subjects => subjects;
    public CurrentSubject Current => current;
    public UploadService Uploads => uploads;
    public Drafts.DraftService Drafts => drafts;

    public IBusinessFiling FilingOf(IBusiness business) => filings.Single(f => f.Business == business);
}
