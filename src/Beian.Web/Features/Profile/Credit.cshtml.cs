using Beian.Core.Accounts;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Verification;
using Beian.Web.Infrastructure.Hosting;
using Beian.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Profile;

/// <summary>信用认证: 手机验证 by SMS code, 邮箱验证 by a signed link, 身份验证 by an approved subject.</summary>
public class CreditModel(
    UserManager<ApplicationUser> users,
    AccountLookup accounts,
    SmsCodeService smsCodes,
    Outbox outbox,
    PublicLinks links,
    BeianDbContext db,
    TimeProvider clock) : AccountPageModel(users)
{
    [BindProperty]
    public string? SmsCode { get; set; }

    public string MaskedMobile { get; private set; } = string.Empty;
    public string MaskedEmail { get; private set; } = string.Empty;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSendSmsAsync()
    {
        await LoadAsync();
        var result = await smsCodes.SendAsync(VerificationPurpose.VerifyMobile, accounts.MobileOf(Account), Account.Id);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(SmsCode), result.Error!);
            return Page();
        }
        Notice = $"短信验证码已发送至 {MaskedMobile}，5分钟内有效，{result.ResendAfterSeconds}秒后可重新获取。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostVerifyMobileAsync()
    {
        await LoadAsync();
        if (string.IsNullOrWhiteSpace(SmsCode))
        {
            ModelState.AddModelError(nameof(SmsCode), "请输入短信验证码");
            return Page();
        }
        if (!await smsCodes.VerifyAsync(VerificationPurpose.VerifyMobile, accounts.MobileOf(Account), SmsCode))
        {
            ModelState.AddModelError(nameof(SmsCode), "短信验证码错误或已过期");
            return Page();
        }
        Account.MobileVerifiedAt = clock.GetUtcNow().UtcDateTime;
        await Users.UpdateAsync(Account);
        Notice = "手机验证已通过。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendEmailAsync()
    {
        await LoadAsync();
        var token = await Users.GenerateEmailConfirmationTokenAsync(Account);
        var link = links.Page("/Profile/ConfirmEmail", new { userId = Account.Id, token });
        outbox.QueueEmail(Account.Email!, "全国互联网安全管理服务平台邮箱验证",
            $"您好，{Account.UserName}：\n\n请点击以下链接完成邮箱验证（24小时内有效）：\n{link}\n\n如非本人操作，请忽略本邮件。");
        await db.SaveChangesAsync();
        Notice = $"验证邮件已发送至 {MaskedEmail}，请登录邮箱点击链接完成验证。";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        await LoadAccountAsync();
        MaskedMobile = MobileNumber.Mask(accounts.MobileOf(Account));
        MaskedEmail = Masking.MaskEmail(Account.Email);
    }
}
