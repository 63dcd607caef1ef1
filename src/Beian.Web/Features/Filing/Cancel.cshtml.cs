using Beian.Web.Features.Applications;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Uploads;
using Beian.Web.Features.Verification;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Filing;

/// <summary>
/// 注销网站, 注销APP … (seed 004 §4.2.3): the filed records → 【注销】; the record's 负责人 confirms
/// with the name, the middle four digits of the mobile and an SMS code; the reason and an optional PDF.
/// A business may first check that the cancellation can be asked for (a website must be closed).
/// </summary>
public class CancelModel(BusinessPages pages, SmsCodeService smsCodes, UploadService uploads) : CancellationPageModel(smsCodes, uploads)
{
    [BindProperty(SupportsGet = true, Name = "business")]
    public string Segment { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "id")]
    public Guid? RecordId { get; set; }

    public IBusiness Business { get; private set; } = null!;
    public BusinessRecord? Record { get; private set; }
    public IReadOnlyList<BusinessRecord> Records { get; private set; } = [];

    private IBusinessFiling Filing => pages.FilingOf(Business);
    private ResponsiblePerson Principal { get; set; } = new();

    protected override VerificationPurpose Purpose => Business.CancelPurpose;
    protected override string? FiledPrincipalName => Principal.Name;
    protected override string PrincipalSource => $"{Business.Noun}负责人信息";
    protected override string SubmittedNotice => $"{Business.Noun}注销申请已提交，{Business.Noun}状态为“注销中”。";
    public override string SendCodeLabel => "发送验证码";

    /// <summary>Without a record: the list of filed records, each with 【注销】.</summary>
    public override async Task<IActionResult> OnGetAsync()
    {
        if (RecordId != null) return await base.OnGetAsync();
        if (!FindBusiness()) return NotFound();
        Records = await Filing.OfOwnerAsync(UserId, filedOnly: true);
        return Page();
    }

    protected override Task<(string? Refusal, string Finding)> CheckBeforeAsync() => Filing.CheckCancellationAsync(Record!, HttpContext.RequestAborted);

    protected override Task<SubmissionResult> SubmitAsync(CancellationRequest request) =>
        Filing.SubmitCancellationAsync(UserId, Record!, request, SubmissionKey);

    protected override async Task<bool> LoadAsync()
    {
        if (!FindBusiness() || RecordId is not { } id) return false;
        Record = await Filing.OwnedAsync(id, UserId);
        if (Record == null) return false;
        Principal = Filing.Read(Record).People.Principal;
        ConfirmBy(Principal.Mobile);
        return true;
    }

    protected override IActionResult NothingToConfirm() => NotFound();

    private bool FindBusiness()
    {
        if (pages.Businesses.BySegment(Segment) is not { } business) return false;
        Business = business;
        return true;
    }
}
