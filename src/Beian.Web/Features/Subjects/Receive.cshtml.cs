using Beian.Core.Accounts;
using Beian.Core.IdentityNumbers;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Profile;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// 接收主体 (seed 004 §4.1.5): subjects sent to this account's verified mobile and 实名 ID, listed with the
/// manual's columns (主体名称, 发送人姓名, 联系电话, 身份证号, 创建时间); 【详情】 shows one before 【接收】.
/// The sender is the subject's 负责人, who confirmed the transfer with the 负责人's mobile.
/// </summary>
public class ReceiveModel(UserManager<ApplicationUser> users, SubjectTransferService transfers, SubjectService subjects) : AccountPageModel(users)
{
    public IReadOnlyList<TransferOffer> Offers { get; private set; } = [];

    /// <summary>The offer 【详情】 opened (<c>?transfer=</c>), or null for the list.</summary>
    public TransferOffer? Opened { get; private set; }

    public bool CanReceive => Account.MobileVerifiedAt != null && Account.IdNumberHash != null;

    public async Task<IActionResult> OnGetAsync(Guid? transfer)
    {
        await LoadAccountAsync();
        await LoadOffersAsync();
        if (transfer is not { } id) return Page();
        Opened = Offers.FirstOrDefault(o => o.TransferId == id);
        return Opened == null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid transfer)
    {
        await LoadAccountAsync();
        var refusal = await transfers.ReceiveAsync(transfer, Account);
        if (refusal != null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            await LoadOffersAsync();
            return Page();
        }
        TempData["Notice"] = "主体已接收。";
        return RedirectToPage("/My/Subjects");
    }

    private async Task LoadOffersAsync() =>
        Offers = (await transfers.OffersForAsync(Account)).Select(offer => TransferOffer.Of(offer.Transfer, offer.Subject, subjects.Read(offer.Subject))).ToList();
}

/// <summary>One row of 接收主体, personal data masked.</summary>
public sealed record TransferOffer(Guid TransferId, string SubjectName, string SenderName, string SenderPhone, string SenderIdNumber, DateTime CreatedAt,
    SubjectForm Form)
{
    public static TransferOffer Of(SubjectTransfer transfer, Subject subject, SubjectForm form) => new(
        transfer.Id, subject.Name, form.Principal.Name ?? string.Empty, MobileNumber.Mask(form.Principal.Mobile),
        Masking.MaskMiddle(form.Principal.CertificateNumber, 3, 4), transfer.CreatedAt, form);
}
