using System.Security.Claims;
using Beian.Core.IdentityNumbers;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Core.Uploads;
using Beian.Web.Features.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// What 新增主体 and 变更主体 share: the bound form, its four upload slots, the submission key that
/// makes a double click harmless, and putting findings next to their fields.
/// </summary>
public abstract class SubjectFormPageModel(UploadService uploads) : PageModel
{
    [BindProperty]
    public SubjectForm Form { get; set; } = new();

    [BindProperty]
    public SubjectUploads Uploads { get; set; } = new();

    [BindProperty]
    public Guid SubmissionKey { get; set; }

    public IReadOnlyList<Finding> Warnings { get; protected set; } = [];

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public static IEnumerable<SelectListItem> NatureOptions =>
        Enum.GetValues<SubjectNature>().Select(n => new SelectListItem(n.DisplayName(), n.ToString()));

    public static IEnumerable<SelectListItem> KindOptions =>
        Enum.GetValues<OrganisationKind>().Select(k => new SelectListItem(k.DisplayName(), k.ToString()));

    public static IEnumerable<SelectListItem> OrganisationCertificateOptions =>
        CertificateTypes.Organisational.Select(t => new SelectListItem(t.DisplayName(), t.ToString()));

    public static IEnumerable<SelectListItem> PersonalCertificateOptions =>
        CertificateTypes.Personal.Select(t => new SelectListItem(t.DisplayName(), t.ToString()));

    /// <summary>Stores newly chosen files and keeps earlier ones; their ids go into the form.</summary>
    protected async Task ResolveUploadsAsync()
    {
        var organisation = Form.Nature == SubjectNature.Organisation;
        Form.Organisation.LicenceFileId = organisation
            ? await ResolveAsync("Uploads.Licence", Uploads.Licence, UploadPurpose.OrganisationLicence)
            : null;
        Form.Principal.IdFrontFileId = await ResolveAsync("Uploads.IdFront", Uploads.IdFront, UploadPurpose.IdFront);
        Form.Principal.IdBackFileId = await ResolveAsync("Uploads.IdBack", Uploads.IdBack, UploadPurpose.IdBack);
        Form.Principal.IdHandheldFileId = await ResolveAsync("Uploads.IdHandheld", Uploads.IdHandheld, UploadPurpose.IdHandheld);
    }

    /// <summary>The upload slots show the files the form refers to (a draft, the current subject).</summary>
    protected void ShowUploadsOf(SubjectForm form)
    {
        Uploads.Licence.FileId = form.Organisation.LicenceFileId;
        Uploads.IdFront.FileId = form.Principal.IdFrontFileId;
        Uploads.IdBack.FileId = form.Principal.IdBackFileId;
        Uploads.IdHandheld.FileId = form.Principal.IdHandheldFileId;
    }

    /// <summary>Errors go next to their fields (and so into the summary); warnings are shown, not blocking.</summary>
    protected void Show(IReadOnlyList<Finding> findings)
    {
        foreach (var error in findings.Where(f => f.Severity == Severity.Error))
            ShowError(FieldKey(error.Field), error.Message);
        Warnings = findings.Where(f => f.Severity == Severity.Warning).ToList();
    }

    // A field shows its first error only: a refused value is not judged by the pre-check as well.
    private void ShowError(string key, string message)
    {
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) return;
        ModelState.AddModelError(key, message);
    }

    private static string FieldKey(string field) => field switch
    {
        "Organisation.LicenceFileId" => "Uploads.Licence",
        "Principal.IdFrontFileId" => "Uploads.IdFront",
        "Principal.IdBackFileId" => "Uploads.IdBack",
        "Principal.IdHandheldFileId" => "Uploads.IdHandheld",
        _ => $"Form.{field}",
    };

    private async Task<Guid?> ResolveAsync(string key, UploadInput input, UploadPurpose purpose)
    {
        // Presence is judged with the other required fields, so the slot itself is optional here.
        var file = await uploads.ResolveIntoAsync(ModelState, key, input, UserId, purpose, required: false, HttpContext.RequestAborted);
        input.FileId = file?.Id;
        return file?.Id;
    }
}

public sealed class SubjectUploads
{
    public UploadInput Licence { get; set; } = new();
    public UploadInput IdFront { get; set; } = new();
    public UploadInput IdBack { get; set; } = new();
    public UploadInput IdHandheld { get; set; } = new();
}
