using System.ComponentModel.DataAnnotations;
using Beian.Core.Content;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Admin.Content;

/// <summary>
/// 上传文件 / 编辑 one file of the 下载中心: title, description and the file (checked by its content;
/// on 编辑 a new file replaces the old one, none keeps it). 【保存草稿】/【保存】 keep the status,
/// 【发布】 saves and publishes a draft.
/// </summary>
[Authorize(Policy = "Administrator")]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class DownloadEditModel(DownloadService downloads, UserManager<ApplicationUser> users) : PageModel
{
    /// <summary>What a request may carry at most, whatever <c>Downloads:MaxBytes</c> says; the service refuses files above that setting.</summary>
    public const long MaxRequestBytes = 100 * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty, Display(Name = "文件名称")]
    [Required(ErrorMessage = "请输入文件名称")]
    [StringLength(DownloadItem.TitleMaxLength, ErrorMessage = "文件名称不能超过100个字")]
    public string? Title { get; set; }

    [BindProperty, Display(Name = "文件说明")]
    [StringLength(DownloadItem.DescriptionMaxLength, ErrorMessage = "文件说明不能超过500个字")]
    public string? Description { get; set; }

    [BindProperty, Display(Name = "文件")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public DownloadItem? Item { get; private set; }
    public bool IsNew => Id is null;
    public bool IsPublished => Item?.Status == ContentStatus.Published;
    public string HelpText => downloads.HelpText;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Title = Item?.Title;
        Description = Item?.Description;
        Version = Item?.Version ?? 0;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync() => SaveAsync(publish: false);

    public Task<IActionResult> OnPostPublishAsync() => SaveAsync(publish: true);

    private async Task<IActionResult> SaveAsync(bool publish)
    {
        if (!await LoadAsync()) return NotFound();
        if (Title?.Any(char.IsControl) == true) ModelState.AddModelError(nameof(Title), "文件名称不能包含换行或控制字符");
        if (IsNew && Upload is not { Length: > 0 }) ModelState.AddModelError(nameof(Upload), DownloadFileRules.MessageNoFile);
        if (!ModelState.IsValid)
        {
            if (Upload is { Length: > 0 }) ModelState.AddModelError(nameof(Upload), "请重新选择文件");
            return Page();
        }

        StoredDownload? stored = null;
        if (Upload is { Length: > 0 })
        {
            var (file, error) = await downloads.StoreAsync(Upload);
            if (error is not null)
            {
                ModelState.AddModelError(nameof(Upload), error);
                return Page();
            }
            stored = file;
        }

        var description = new DownloadDescription(Title!.Trim(), Description?.Trim());
        if (Item is null)
        {
            await downloads.CreateAsync(description, stored!, publish, await ContentAuthors.CurrentAsync(users, User));
        }
        else if (ContentOutcomeMessages.Of(await downloads.UpdateAsync(Item.Id, Version, description, stored, publish)) is { } problem)
        {
            ModelState.AddModelError(string.Empty, problem);
            await LoadAsync();
            return Page();
        }
        Notice = $"《{description.Title}》已{(publish || IsPublished ? "发布" : "保存为草稿")}。";
        return RedirectToPage("/Admin/Content/Downloads");
    }

    private async Task<bool> LoadAsync()
    {
        if (Id is not { } id) return true;
        Item = await downloads.FindAsync(id);
        return Item is not null;
    }
}
