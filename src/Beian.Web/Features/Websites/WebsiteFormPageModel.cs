using System.Security.Claims;
using Beian.Core.Rules;
using Beian.Web.Features.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Websites;

/// <summary>
/// What 新办网站申请 and 变更网站 share: the bound 网站基本信息 and 网站负责人 sections, their upload
/// slots (kept by id when a form is shown again), and findings shown next to their fields.
/// </summary>
public abstract class WebsiteFormPageModel(UploadService uploads) : PageModel
{
    [BindProperty]
    public WebsiteBasicInfo BasicInfo { get; set; } = new();

    [BindProperty]
    public WebsitePeople People { get; set; } = new();

    [BindProperty]
    public Dictionary<string, UploadInput> Uploads { get; set; } = [];

    public IReadOnlyList<Finding> Warnings { get; protected set; } = [];

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public UploadInput SlotValue(string slot) => Uploads.TryGetValue(slot, out var input) ? input : new UploadInput();

    /// <summary>The posted 网站基本信息 with its files (stored now, or kept by id).</summary>
    protected async Task TakeBasicInfoAsync(WebsiteForm form)
    {
        form.BasicInfo = BasicInfo;
        form.BasicInfo.DomainCertificateFileId = await ResolveAsync(WizardSlots.DomainCertificate);
        form.BasicInfo.DangerousGoodsFiles = await FilesAsync(form.BasicInfo.DangerousGoods, WizardSlots.Goods);
        form.BasicInfo.PrePermitFiles = await FilesAsync(form.BasicInfo.PrePermits, WizardSlots.Permit);
    }

    /// <summary>The posted people with their identity images.</summary>
    protected async Task TakePeopleAsync(WebsiteForm form)
    {
        form.People = People;
        foreach (var key in WizardSlots.PersonKeys)
        {
            var person = WizardSlots.PersonOf(form.People, key);
            person.IdFrontFileId = await ResolveAsync(WizardSlots.IdFront(key));
            person.IdBackFileId = await ResolveAsync(WizardSlots.IdBack(key));
        }
    }

    /// <summary>What the page shows: the form's sections and its stored files.</summary>
    protected void Display(WebsiteForm form)
    {
        BasicInfo = form.BasicInfo;
        People = form.People;
        Slot(WizardSlots.DomainCertificate, form.BasicInfo.DomainCertificateFileId);
        foreach (var (kind, id) in form.BasicInfo.DangerousGoodsFiles) Slot(WizardSlots.Goods(kind), id);
        foreach (var (permit, id) in form.BasicInfo.PrePermitFiles) Slot(WizardSlots.Permit(permit), id);
        foreach (var key in WizardSlots.PersonKeys)
        {
            var person = WizardSlots.PersonOf(form.People, key);
            Slot(WizardSlots.IdFront(key), person.IdFrontFileId);
            Slot(WizardSlots.IdBack(key), person.IdBackFileId);
        }
    }

    /// <summary>Errors go next to their fields; warnings are listed, not blocking. True when no error.</summary>
    protected bool Show(IEnumerable<Finding> findings)
    {
        var list = findings.ToList();
        foreach (var error in list.Where(f => f.Severity == Severity.Error))
            ModelState.AddModelError(ErrorKey(error.Field), error.Message);
        Warnings = list.Where(f => f.Severity == Severity.Warning).ToList();
        return !list.Any(f => f.Severity == Severity.Error) && ModelState.IsValid;
    }

    private async Task<Dictionary<TKind, Guid>> FilesAsync<TKind>(IEnumerable<TKind> kinds, Func<TKind, string> slotOf) where TKind : notnull
    {
        var files = new Dictionary<TKind, Guid>();
        foreach (var kind in kinds.Distinct())
        {
            if (await ResolveAsync(slotOf(kind)) is { } id) files[kind] = id;
        }
        return files;
    }

    private async Task<Guid?> ResolveAsync(string slot)
    {
        if (!Uploads.TryGetValue(slot, out var input)) return null;
        var file = await uploads.ResolveIntoAsync(ModelState, WizardSlots.FieldName(slot), input, UserId, WizardSlots.PurposeOf(slot), required: false);
        input.FileId = file?.Id;
        return file?.Id;
    }

    private void Slot(string slot, Guid? fileId)
    {
        if (fileId == null) return;
        if (!Uploads.TryGetValue(slot, out var input)) Uploads[slot] = input = new UploadInput();
        input.FileId = fileId;
    }

    /// <summary>Upload findings point at the file's slot; all others at the bound section.</summary>
    private static string ErrorKey(string field) => field switch
    {
        "BasicInfo.DomainCertificateFileId" => WizardSlots.FieldName(WizardSlots.DomainCertificate),
        _ when field.EndsWith("IdFrontFileId", StringComparison.Ordinal) => WizardSlots.FieldName(WizardSlots.IdFront(field.Split('.')[1])),
        _ when field.EndsWith("IdBackFileId", StringComparison.Ordinal) => WizardSlots.FieldName(WizardSlots.IdBack(field.Split('.')[1])),
        _ => field,
    };
}
