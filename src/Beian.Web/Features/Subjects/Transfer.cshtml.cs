using System.ComponentModel.DataAnnotations;
using Beian.Core.Accounts;
using Beian.Core.IdentityNumbers;
using Beian.Web.Features.Verification;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// 移交主体 (seed 004 §4.1.4): the principal's masked mobile (middle four typed), the receiver's
/// mobile and 居民身份证 number, an SMS code → 移交中; 【撤回】 until the receiver acts.
/// </summary>
public class TransferModel(
    SubjectService subjects,
    SubjectTransferService transfers,
    CurrentSubject current,
    SmsCodeService smsCodes,
    TimeProvider clock) : PrincipalConfirmedPageModel(smsCodes)
{
    [BindProperty(SupportsGet = true, Name = "subject")]
    public Guid? SubjectId { get; set; }

    public Subject Subject { get; private set; } = null!;

    [BindProperty, Display(Name = "接收人手机号")]
    public string? ReceiverMobile { get; set; }

    [BindProperty, Display(Name = "接收人身份证号")]
    public string? ReceiverIdNumber { get; set; }

    public SubjectTransfer? OpenTransfer { get; private set; }

    protected override VerificationPurpose Purpose => VerificationPurpose.TransferSubject;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NothingToConfirm();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NothingToConfirm();
        MobileConfirmed();
        if (string.IsNullOrWhiteSpace(ReceiverMobile)) ModelState.AddModelError(nameof(ReceiverMobile), "请填写接收人手机号");
        else if (!MobileNumber.IsValid(ReceiverMobile)) ModelState.AddModelError(nameof(ReceiverMobile), "请输入11位中国大陆手机号码");
        var id = ResidentIdCard.Check(ReceiverIdNumber, Beian.Core.Time.BeijingTime.DateOf(clock.GetUtcNow()));
        if (!id.IsValid) ModelState.AddModelError(nameof(ReceiverIdNumber), id.Message!);
        RequireSmsCode();
        if (!ModelState.IsValid || !await SmsCodeAcceptedAsync()) return Page();

        var refusal = await transfers.OfferAsync(Subject, ReceiverMobile!, id.Normalized);
        if (refusal != null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }
        TempData["Notice"] = "主体已移交，等待接收人接收。接收前您可以撤回。";
        return RedirectToPage(new { subject = Subject.Id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid transfer)
    {
        if (!await LoadAsync()) return NothingToConfirm();
        var refusal = await transfers.WithdrawAsync(transfer, UserId);
        if (refusal != null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }
        TempData["Notice"] = "移交已撤回，主体恢复为“有效”。";
        return RedirectToPage(new { subject = Subject.Id });
    }

    protected override async Task<bool> LoadAsync()
    {
        if (await current.OwnedOrCurrentAsync(SubjectId) is not { } subject) return false;
        (Subject, SubjectId) = (subject, subject.Id);
        ConfirmBy(subjects.Read(subject).Principal.Mobile);
        OpenTransfer = await transfers.OpenTransferOfAsync(Subject.Id);
        return true;
    }

    protected override IActionResult NothingToConfirm() => RedirectToPage("/My/Subjects");
}
