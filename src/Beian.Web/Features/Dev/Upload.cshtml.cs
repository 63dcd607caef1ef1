using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Beian.Core.Uploads;
using Beian.Web.Features.Uploads;
using Beian.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Dev;

/// <summary>
/// Development only: the upload pattern in its smallest form, for page authors and black-box
/// tests. Two slots (an image, a pdf) and a required text field; a form that fails keeps the
/// files already uploaded. 404 in any other environment.
/// </summary>
[Authorize]
public class UploadModel(UploadService uploads, IHostEnvironment environment) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<StoredFile> Saved { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入备注")]
        [Display(Name = "备注")]
        public string? Note { get; set; }

        public UploadInput Photo { get; set; } = new();
        public UploadInput Permit { get; set; } = new();
    }

    public IActionResult OnGet() => environment.IsDevelopment() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment()) return NotFound();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var photo = await uploads.ResolveIntoAsync(ModelState, "Input.Photo", Input.Photo, userId, UploadPurpose.IdFront, cancellationToken: cancellationToken);
        var permit = await uploads.ResolveIntoAsync(ModelState, "Input.Permit", Input.Permit, userId, UploadPurpose.PrePermit, required: false, cancellationToken);
        if (!ModelState.IsValid) return Page();

        var reference = $"dev:{Guid.NewGuid():N}";
        await uploads.AttachAsync(new[] { photo, permit }.OfType<StoredFile>().Select(f => f.Id), userId, reference, null, cancellationToken);
        Saved = await uploads.AttachedToAsync(reference, cancellationToken);
        Input = new InputModel();
        ModelState.ClearBindingErrors(HttpContext);
        return Page();
    }
}
