using Beian.Core.Uploads;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Beian.Web.Features.Uploads;

/// <summary>
/// One upload slot of a form, bound by the page model: <c>{prefix}.File</c> is a newly chosen file,
/// <c>{prefix}.FileId</c> the hidden id of a file stored by an earlier submission of the same form.
/// A form that fails validation is shown again with the id, so the person does not choose the file
/// again. <see cref="FileName"/> is never bound: the service fills it from the database.
/// <code>
/// public class InputModel { public UploadInput Licence { get; set; } = new(); … }
///
/// public async Task&lt;IActionResult&gt; OnPostAsync()
/// {
///     var licence = await uploads.ResolveIntoAsync(ModelState, "Input.Licence", Input.Licence, userId, UploadPurpose.OrganisationLicence);
///     if (!ModelState.IsValid) return Page();           // the slot shows the kept file, if any
///     … save the record …
///     await uploads.AttachAsync([licence!.Id], userId, $"subject:{subject.Id}", subject.UnitCode);
/// }
/// </code>
/// and in the view (inside <c>&lt;form method="post" enctype="multipart/form-data"&gt;</c>):
/// <code>
/// &lt;partial name="_UploadField" model="@(new UploadField("Input.Licence", "单位证件", UploadPurpose.OrganisationLicence, Model.Input.Licence))" /&gt;
/// </code>
/// </summary>
public sealed class UploadInput
{
    public IFormFile? File { get; set; }
    public Guid? FileId { get; set; }

    [BindNever]
    public string? FileName { get; set; }
}

/// <summary>What the <c>_UploadField</c> partial renders: a slot's field name prefix, label, purpose and current value.</summary>
public sealed record UploadField(string Name, string Label, UploadPurpose Purpose, UploadInput? Value, bool Required = true, string? Help = null);

public static class UploadModelState
{
    /// <summary>
    /// <see cref="UploadService.ResolveAsync"/> for the slot named <paramref name="key"/> ("Input.Licence"),
    /// with its error (if any) put on that key. Returns the file, or null.
    /// </summary>
    public static async Task<StoredFile?> ResolveIntoAsync(this UploadService uploads, ModelStateDictionary modelState, string key,
        UploadInput input, string ownerUserId, UploadPurpose purpose, bool required = true, CancellationToken cancellationToken = default)
    {
        var result = await uploads.ResolveAsync(input, ownerUserId, purpose, required, cancellationToken);
        // Model binding may have recorded the posted (possibly empty) hidden id; the service's value wins.
        modelState.Remove($"{key}.{nameof(UploadInput.FileId)}");
        if (!result.Succeeded) modelState.AddModelError(key, result.Error!);
        return result.File;
    }
}
