using Beian.Core.Content;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Content;
using Beian.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Admin.Content;

/// <summary>
/// 新增/编辑 one article: 【预览】 shows the page as the public will see it (after sanitising, with what
/// was taken out), 【保存草稿】 or 【保存】 keeps its status, 【发布】 saves and publishes a draft.
/// </summary>
[Authorize(Policy = "Administrator")]
public class EditModel(ContentService content, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public ContentInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public ContentItem? Item { get; private set; }
    public RenderedBody? Preview { get; private set; }

    public bool IsNew => Id is null;
    public bool IsPublished => Item?.Status == ContentStatus.Published;

    public async Task<IActionResult> OnGetAsync(ContentKind? kind)
    {
        if (!await LoadAsync()) return NotFound();
        Input = Item is null ? new ContentInput { Kind = kind } : ContentInput.Of(Item);
        Version = Item?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!await LoadAsync()) return NotFound();
        ModelState.ClearBindingErrors(HttpContext); // a preview judges nothing; the form comes back as typed
        Preview = ContentMarkdown.Render(Input.Body);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync() => SaveAsync(publish: false);

    public Task<IActionResult> OnPostPublishAsync() => SaveAsync(publish: true);

    private async Task<IActionResult> SaveAsync(bool publish)
    {
        if (!await LoadAsync()) return NotFound();
        var draft = Validate();
        if (draft is null) return Page();

        string? problem = null;
        Guid id;
        if (Item is null)
        {
            id = (await content.CreateAsync(draft, publish, await ContentAuthors.CurrentAsync(users, User))).Id;
        }
        else
        {
            id = Item.Id;
            problem = ContentOutcomeMessages.Of(await content.UpdateAsync(Item.Id, Version, draft, publish));
        }
        if (problem is not null)
        {
            ModelState.AddModelError(string.Empty, problem);
            await LoadAsync();
            return Page();
        }
        var removed = ContentMarkdown.Render(draft.Markdown).Removed;
        Notice = $"《{draft.Title}》已{(publish || IsPublished ? "发布" : "保存为草稿")}。"
                 + (removed.Count > 0 ? $"正文中的不安全内容已去除：{string.Join("、", removed)}。" : "");
        return RedirectToPage("/Admin/Content/Index", new { kind = draft.Kind });
    }

    /// <summary>The checked draft, or null with the errors beside their fields.</summary>
    private ContentDraft? Validate()
    {
        var title = Input.Title?.Trim();
        if (title is { Length: > 0 } && title.Any(char.IsControl))
            ModelState.AddModelError("Input.Title", "标题不能包含换行或控制字符");
        var publishedAt = PublishedAtField.ToUtc(Input.PublishedAt);
        if (publishedAt > clock.GetUtcNow().UtcDateTime.AddMinutes(1))
            ModelState.AddModelError("Input.PublishedAt", "发布时间不能晚于当前时间");
        if (ModelState.IsValid && ContentMarkdown.Render(Input.Body).Html.Length == 0)
            ModelState.AddModelError("Input.Body", "正文去除不安全的内容后为空，请填写正文");
        if (!ModelState.IsValid) return null;
        return new ContentDraft(Input.Kind!.Value, title!, Input.Body!.Trim(), Input.Pinned, publishedAt);
    }

    private async Task<bool> LoadAsync()
    {
        if (Id is not { } id) return true;
        Item = await content.FindAsync(id);
        return Item is not null;
    }
}
