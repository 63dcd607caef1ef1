using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Filing;

/// <summary>
/// 变更网站, 变更APP … (seed 004 §4.2.2): the filed records → 【变更】 → edit → 【提交】; the record is
/// 变更中 until reviewed, and the reviewer sees the 变更前/变更后 table.
/// </summary>
[PackageUploadLimits]
public class ChangeModel(BusinessPages pages) : BusinessPageModel(pages)
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public Guid? RecordId { get; set; }

    [BindProperty]
    public Guid SubmissionKey { get; set; }

    public BusinessRecord? Record { get; private set; }
    public IReadOnlyList<BusinessRecord> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (RecordId == null)
        {
            Records = await Filing.OfOwnerAsync(UserId, filedOnly: true);
            return Page();
        }
        Record = await Filing.OwnedAsync(RecordId.Value, UserId);
        if (Record == null) return NotFound();
        SubmissionKey = Guid.NewGuid();
        Display(Filing.Read(Record));
        return Page();
    }

    public override string StayUrl => $"{Business.PagePath("Change")}?handler=Stay";

    /// <summary>【读取安装包】 and the like: the posted form shown again, checked, nothing submitted.</summary>
    public Task<IActionResult> OnPostStayAsync() => PostAsync(submit: false);

    public Task<IActionResult> OnPostAsync() => PostAsync(submit: true);

    private async Task<IActionResult> PostAsync(bool submit)
    {
        Record = RecordId is { } id ? await Filing.OwnedAsync(id, UserId) : null;
        if (Record == null) return NotFound();
        var form = Filing.Read(Record);
        await TakeWholeFormAsync(form);
        Display(form);
        var subject = await Pages.Subjects.OwnedAsync(Record.SubjectId, UserId);
        if (subject == null) return NotFound();
        if (!submit || InputRefused) return Page();
        var findings = await CheckAsync(form, subject, Record.Id);
        if (!Show(findings)) return Page();
        var result = await Filing.SubmitChangeAsync(UserId, Record, form, findings, SubmissionKey);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return Page();
        }
        TempData["Notice"] = $"变更{Business.Noun}申请已提交，{Business.Noun}状态为“变更中”。";
        return RedirectToPage("/My/ApplicationDetail", new { id = result.Application!.Id });
    }
}
