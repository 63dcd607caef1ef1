using System.Security.Claims;
using Beian.Core.Numbering;
using Beian.Web.Data;
using Beian.Web.Features.Badges;
using Beian.Web.Features.Filing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.My;

/// <summary>
/// 网站详情, APP详情 … (seed 003, seed 004 §3.2): the filing with its history, and once filed the
/// 公安备案号 with 【点击复制备案号】 and how to show it (a website's footer code, an APP's 关于 page),
/// linking to this platform's public record of the number. Only the owner sees it.
/// </summary>
public class RecordDetailModel(BusinessPages pages, BeianDbContext db) : PageModel
{
    public IBusiness Business { get; private set; } = null!;
    public BusinessRecord Record { get; private set; } = null!;
    public IBusinessForm Form { get; private set; } = null!;
    public FilingNumberPanel? NumberPanel { get; private set; }
    public IReadOnlyList<RecordTransition> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string business, Guid id)
    {
        if (pages.Businesses.BySegment(business) is not { } found) return NotFound();
        var filing = pages.FilingOf(found);
        var record = await filing.OwnedAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (record == null) return NotFound();
        (Business, Record, Form) = (found, record, filing.Read(record));
        History = await db.RecordTransitions.HistoryOfAsync(record.Id);
        if (record.NumberDigits != null && PublicSecurityNumber.TryParse(record.NumberDisplay, out var number, out _))
            NumberPanel = new FilingNumberPanel(number, $"{FilingNumberPanel.OriginOf(Request)}/Public/Record/{number.Digits}");
        return Page();
    }
}
