using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Audit;
using Beian.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Admin.Audit;

/// <summary>
/// 审计日志: administrators search every audit record (newest first) and run 【校验完整性】, which
/// checks every content hash and the hash chain. Read-only: nothing here changes a record. A national log holds tens of
/// millions of records: pages follow a cursor (<see cref="KeysetPaging"/>) and the count stops at its bound. Records older
/// than the online period are archived in blocks (<see cref="AuditArchiver"/>): 归档记录 searches them a period at a time.
/// </summary>
[Authorize(Policy = "Administrator")]
public class IndexModel(BeianDbContext db, AuditChainVerifier verifier, AuditLog audit, AuditArchive archive, IConfiguration configuration)
    : FilteredListModel<AuditRecord>
{
    public const int PageSize = 50;
    public const string ArchiveScope = "archive";
    /// <summary>归档记录 decompress every block of the period: at most this many days a search.</summary>
    public const int ArchiveDays = 31;

    /// <summary>Newest first; the id breaks ties between records of the same microsecond.</summary>
    public static readonly KeysetOrder<AuditRecord> Order =
        KeysetOrder<AuditRecord>.By(r => r.At, descending: true).ThenBy(r => r.Id, descending: true);

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>用户: the exact user name (or user id).</summary>
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    /// <summary>单位: a unit code or its first digits (3301 = every unit of 杭州市).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "operation")]
    public string? ActionCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ObjectType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ObjectId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    /// <summary>归档记录 (<see cref="ArchiveScope"/>) or the records at hand (none).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    public bool InArchive => Scope == ArchiveScope;

    /// <summary>What the archive holds, shown on both tabs; null before anything was archived.</summary>
    public AuditArchive.Span? Archived { get; private set; }

    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();
    public AuditVerification? Verification { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    /// <summary>【校验完整性】: the verification is itself audited.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Verification = await verifier.VerifyAsync(cancellationToken);
        await audit.RecordNowAsync(AuditActions.VerifyChain, AuditObjectTypes.AuditLog, Verification.LastSequence?.ToString() ?? "-",
            Verification.Intact ? AuditOutcomes.Succeeded : AuditOutcomes.Failed, Verification.Summary()[0], cancellationToken);
        await LoadAsync();
        return Page();
    }

    /// <summary>The record's Beijing date and time, shown on two lines when the table is narrow.</summary>
    public static (string Date, string Time) TimeOf(AuditRecord record)
    {
        var at = BeijingTime.FromUtc(record.At);
        return (at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            at.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string DateOf(DateTime utc) =>
        BeijingTime.FromUtc(utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A record id shows as its first eight characters (the whole id is the link's title and filter).</summary>
    public static string ShortId(string objectId) => Guid.TryParse(objectId, out _) ? objectId[..8] + "…" : objectId;

    public string UnitOf(AuditRecord record) =>
        record.UnitCode is { } code ? UnitNames.GetValueOrDefault(code, code) : string.Empty;

    protected override void CheckFilter()
    {
        if (From > To) ModelState.AddModelError(nameof(From), "开始日期不能晚于结束日期");
        if (!InArchive || Archived == null) return;
        if (From == null) ModelState.AddModelError(nameof(From), "查询归档记录请选择开始日期");
        if (To == null) ModelState.AddModelError(nameof(To), "查询归档记录请选择结束日期");
        if (From is { } from && To is { } to && to.DayNumber - from.DayNumber >= ArchiveDays)
            ModelState.AddModelError(nameof(To), $"归档记录每次最多查询{ArchiveDays}天，请缩短日期范围");
    }

    private async Task LoadAsync()
    {
        Archived = await archive.SpanAsync(HttpContext.RequestAborted);
        if (InArchive && Archived == null) return;
        if (InArchive && !ModelState.ContainsKey(nameof(From)) && From == null && To == null)
        {
            // 归档记录 opened from its tab: the archive's last month, not an error for a period nobody chose yet.
            To = DateOnly.FromDateTime(BeijingTime.FromUtc(Archived!.ToAt));
            From = To.Value.AddDays(1 - ArchiveDays);
        }
        await ListAsync(async () =>
        {
            var bound = BoundedCount.BoundOf(configuration);
            var (total, page) = InArchive
                ? await archive.SearchAsync(BeijingTime.StartOfDayUtc(From!.Value), BeijingTime.StartOfDayUtc(To!.Value.AddDays(1)), Filtered,
                    Cursor, PageSize, bound, HttpContext.RequestAborted)
                : await OnlineAsync(bound);
            var codes = page.Rows.Select(r => r.UnitCode).OfType<string>().Distinct().ToList();
            UnitNames = await db.PoliceUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name);
            return (total, page);
        });
    }

    private async Task<(BoundedCount, KeysetPage<AuditRecord>)> OnlineAsync(int bound)
    {
        var query = Filtered(db.AuditRecords.AsNoTracking());
        return (await query.CountUpToAsync(bound, HttpContext.RequestAborted),
            await query.PageAsync(Order, Cursor, PageSize, HttpContext.RequestAborted));
    }

    private IQueryable<AuditRecord> Filtered(IQueryable<AuditRecord> query)
    {
        if (From is { } from)
        {
            var start = BeijingTime.StartOfDayUtc(from);
            query = query.Where(r => r.At >= start);
        }
        if (To is { } to)
        {
            var end = BeijingTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(r => r.At < end);
        }
        if (Trimmed(UserName) is { } user) query = query.Where(r => r.UserName == user || r.UserId == user);
        if (Trimmed(Unit) is { } unit) query = query.Where(r => r.UnitCode != null && r.UnitCode.StartsWith(unit));
        if (Trimmed(ActionCode) is { } action) query = query.Where(r => r.Action == action);
        if (Trimmed(ObjectType) is { } type) query = query.Where(r => r.ObjectType == type);
        if (Trimmed(ObjectId) is { } objectId)
        {
            var id = Guid.TryParse(objectId, out var guid) ? guid.ToString() : objectId;
            query = query.Where(r => r.ObjectId == id);
        }
        if (Trimmed(Outcome) is { } outcome) query = query.Where(r => r.Outcome == outcome);
        return query;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
