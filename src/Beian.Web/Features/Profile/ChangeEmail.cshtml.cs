using System.ComponentModel.DataAnnotations;
using Beian.Core.Accounts;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Infrastructure.Hosting;
using Beian.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Profile;

/// <summary>修改邮箱: the new address takes effect only when the link sent to it is opened.</summary>
public class ChangeEmailModel(UserManager<ApplicationUser> users, Outbox outbox, PublicLinks links, BeianDbContext db) : AccountPageModel(users)
{
    [BindProperty, Display(Name = "新电子邮件")]
    [Required(ErrorMessage = "请输入新的电子邮件地址")]
    [EmailAddress(ErrorMessage = "电子邮件地址格式不正确")]
    [StringLength(100, ErrorMessage = "电子邮件地址过长")]
    public string? NewEmail { get; set; }

    public string MaskedEmail { get; private set; } = string.Empty;
    public string? Notice { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid) return Page();
        var email = NewEmail!.Trim();
        if (string.Equals(email, Account.Email, StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError(nameof(NewEmail), "新电子邮件地址与当前地址相同");
        else if (await Users.FindByEmailAsync(email) != null)
            ModelState.AddModelError(nameof(NewEmail), "该电子邮件地址已被其他账号使用");
        if (!ModelState.IsValid) return Page();

        var token = await Users.GenerateChangeEmailTokenAsync(Account, email);
        var link = links.Page("/Profile/ConfirmEmail", new { userId = Account.Id, email, token });
        outbox.QueueEmail(email, "全国互联网安全管理服务平台修改邮箱确认",
            $"您好，{Account.UserName}：\n\n您申请将账号邮箱修改为本地址。请点击以下链接确认（24小时内有效）：\n{link}\n\n如非本人操作，请忽略本邮件。");
        await db.SaveChangesAsync();
        Notice = $"确认邮件已发送至 {Masking.MaskEmail(email)}，点击邮件中的链接后新邮箱生效。";
        return Page();
    }

    private async Task LoadAsync()
    {
        await LoadAccountAsync();
        MaskedEmail = Masking.MaskEmail(Account.Email);
    }
}
