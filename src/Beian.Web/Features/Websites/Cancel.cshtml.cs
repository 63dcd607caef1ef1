using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Beian.Core.Accounts;
using Beian.Core.Uploads;
using Beian.Web.Data;
using Beian.Web.Features.Uploads;
using Beian.Web.Features.Verification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Websites;

/// <summary>
/// 注销网站 (seed 004 §4.2.3): only a closed site can be cancelled. The 网站负责人 confirms with the
/// name, the middle four digits of the mobile and an SMS code; the reason and an optional PDF.
/// </summary>
public class CancelModel(
    BeianDbContext db,
    WebsiteService websites,
    SmsCodeService smsCodes,
    UploadService uploads,
    IWebsiteProbe probe) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "website")]
    public Guid? WebsiteId { get; set; }

    [BindProperty, Display(Name = "负责人姓名")]
    public string? PrincipalName { get; set; }

    [BindProperty, Display(Name = "手机号码中间四位")]
    public string? MobileMiddle { get; set; }

    [BindProperty, Display(Name = "短信验证码")]
    public string? SmsCode { get; set; }

    [BindProperty, Display(Name = "注销原因")]
    public string? Reason { get; set; }

    [BindProperty]
    public UploadInput Attachment { get; set; } = new();

    [BindProperty]
    public Guid SubmissionKey { get; set; }

    public Website? Website { get; private set; }
    public IReadOnlyList<Website> Sites { get; private set; } = [];
    public string MaskedMobile { get; private set; } = string.Empty;
    public string? Notice { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private SitePerson Principal { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (WebsiteId == null)
        {
            Sites = await FiledSites.OfAsync(db, UserId);
            return Page();
        }
        if (!await LoadAsync()) return NotFound();
        SubmissionKey = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostSendCodeAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!MobileConfirmed()) return Page();
        var sent = await smsCodes.SendAsync(VerificationPurpose.CancelWebsite, Principal.Mobile!, UserId);
        if (sent.Succeeded) Notice = $"验证码已发送至 {MaskedMobile}，5分钟内有效。";
        else ModelState.AddModelError(nameof(SmsCode), sent.Error!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (string.IsNullOrWhiteSpace(PrincipalName)) ModelState.AddModelError(nameof(PrincipalName), "请填写负责人姓名");
        else if (PrincipalName.Trim() != Principal.Name?.Trim()) ModelState.AddModelError(nameof(PrincipalName), "负责人姓名与网站负责人信息不一致");
        MobileConfirmed();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "请填写注销原因");
        var attachment = await uploads.ResolveIntoAsync(ModelState, "Attachment", Attachment, UserId, UploadPurpose.CancellationAttachment, required: false);
        if (string.IsNullOrWhiteSpace(SmsCode)) ModelState.AddModelError(nameof(SmsCode), "请输入短信验证码");
        if (!ModelState.IsValid) return Page();

        var check = Website!.MainDomain is { } domain ? await probe.CheckAsync(domain, HttpContext.RequestAborted) : new ProbeResult(ProbeOutcome.NotChecked, "无独立域名");
        if (check.Outcome == ProbeOutcome.Answering)
        {
            ModelState.AddModelError(string.Empty, $"{check.Description}。只有已关闭的网站才能注销，请先关闭网站后再申请注销。");
            return Page();
        }
        if (!await smsCodes.VerifyAsync(VerificationPurpose.CancelWebsite, Principal.Mobile!, SmsCode))
        {
            ModelState.AddModelError(nameof(SmsCode), "短信验证码错误或已过期");
            return Page();
        }
        var request = new WebsiteCancellation
        {
            PrincipalName = PrincipalName!.Trim(), Reason = Reason!.Trim(), AttachmentFileId = attachment?.Id, ProbeResult = check.Description,
        };
        var result = await websites.SubmitCancellationAsync(UserId, Website, request, SubmissionKey);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = "网站注销申请已提交，网站状态为“注销中”。";
        return RedirectToPage("/My/ApplicationDetail", new { id = result.Application!.Id });
    }

    private bool MobileConfirmed() => MobileMiddleDigits.Check(ModelState, nameof(MobileMiddle), Principal.Mobile, MobileMiddle);

    private async Task<bool> LoadAsync()
    {
        Website = WebsiteId is { } id ? await FiledSites.OwnedAsync(db, id, UserId) : null;
        if (Website == null) return false;
        Principal = websites.Read(Website).People.Principal;
        MaskedMobile = MobileNumber.Mask(Principal.Mobile);
        return true;
    }
}
