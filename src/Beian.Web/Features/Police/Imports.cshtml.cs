using Beian.Core.PoliceUnits;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Profile;
using Beian.Web.Features.Unfiled;
using Beian.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police;

/// <summary>
/// 未备案网站导入: CSV upload of 未备案网站 and of offline filings (网站认领), their templates, the
/// result of the last import and the records imported by the officer's unit and the units below it, one tab for
/// each kind, each on keyset pages (a cursor is of its tab's list: the tabs' links start at 首页).
/// </summary>
[RequestSizeLimit(UnfiledCsv.MaxFileBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = UnfiledCsv.MaxFileBytes + 1024 * 1024)]
public class ImportsModel(UserManager<ApplicationUser> users, BeianDbContext db, UnfiledImportService imports, IConfiguration configuration)
    : AccountPageModel(users)
{
    public const int PageSize = 20;
    public const string UnfiledType = "unfiled";
    public const string OfflineType = "offline";

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Batch { get; set; }

    /// <summary>The page shown (<see cref="KeysetPaging"/>): none for the first.</summary>
    [BindProperty(SupportsGet = true, Name = KeysetPaging.QueryKey)]
    public string? Cursor { get; set; }

    public UnfiledImportBatch? LastBatch { get; private set; }
    public IReadOnlyList<UnfiledSite> Sites { get; private set; } = [];
    public IReadOnlyList<OfflineFiling> Filings { get; private set; } = [];
    public BoundedCount Total { get; private set; } = new(0, 0);
    public (string? Previous, string? Next) Pager { get; private set; }
    public bool ShowsOffline => Type == OfflineType;
    public DateOnly Today { get; private set; }
    /// <summary>Certificate hashes on this page that a current subject has now (matched at query time).</summary>
    public IReadOnlySet<string> MatchedHashes { get; private set; } = new HashSet<string>();

    public static string UnitName(string code) => PoliceUnitCatalog.Default.Find(code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAccountAsync();
        await LoadAsync(ct);
    }

    public IActionResult OnGetTemplate(string? kind)
    {
        var importKind = kind == OfflineType ? UnfiledImportKind.OfflineFilings : UnfiledImportKind.UnfiledSites;
        return File(UnfiledCsv.Template(importKind), "text/csv; charset=utf-8", UnfiledCsv.TemplateName(importKind));
    }

    public Task<IActionResult> OnPostUnfiledAsync(IFormFile? unfiledFile, CancellationToken ct) =>
        ImportAsync(UnfiledImportKind.UnfiledSites, unfiledFile, "UnfiledFile", ct);

    public Task<IActionResult> OnPostOfflineAsync(IFormFile? offlineFile, CancellationToken ct) =>
        ImportAsync(UnfiledImportKind.OfflineFilings, offlineFile, "OfflineFile", ct);

    private async Task<IActionResult> ImportAsync(UnfiledImportKind kind, IFormFile? file, string field, CancellationToken ct)
    {
        await LoadAccountAsync();
        if (Account.PoliceUnitCode == null) return Forbid();
        var error = Check(file);
        if (error != null)
        {
            ModelState.AddModelError(field, error);
            Type = kind == UnfiledImportKind.OfflineFilings ? OfflineType : UnfiledType;
            await LoadAsync(ct);
            return Page();
        }
        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        var batch = await imports.ImportAsync(kind, file.FileName, buffer.ToArray(), Account, ct);
        return RedirectToPage(new { batch = batch.Id, type = kind == UnfiledImportKind.OfflineFilings ? OfflineType : UnfiledType });
    }

    private static string? Check(IFormFile? file)
    {
        if (file == null || file.Length == 0) return "请选择要上传的CSV文件";
        if (file.Length > UnfiledCsv.MaxFileBytes) return "文件不能超过5MB，请分批导入";
        if (!string.Equals(Path.GetExtension(file.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
            return "请上传CSV文件（.csv），可用Excel“另存为CSV”生成";
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        if (Account.PoliceUnitCode is not { } unitCode) return;

        var batches = db.Set<UnfiledImportBatch>().AsNoTracking();
        LastBatch = Batch is { } batchId
            ? await batches.FirstOrDefaultAsync(b => b.Id == batchId && b.ImportedByUserId == Account.Id, ct)
            : await batches.Where(b => b.ImportedByUserId == Account.Id).OrderByDescending(b => b.ImportedAt).FirstOrDefaultAsync(ct);

        var bound = BoundedCount.BoundOf(configuration);
        if (ShowsOffline)
        {
            var query = ImportedRecords.OfflineFilings(db, unitCode);
            Total = await query.CountUpToAsync(bound, ct);
            var page = await query.PageAsync(ImportedRecords.FilingOrder, Cursor, PageSize, ct);
            (Filings, Pager) = (page.Rows, (page.Previous, page.Next));
        }
        else
        {
            Type = UnfiledType;
            var query = ImportedRecords.UnfiledSites(db, unitCode);
            Total = await query.CountUpToAsync(bound, ct);
            var page = await query.PageAsync(ImportedRecords.SiteOrder, Cursor, PageSize, ct);
            (Sites, Pager) = (page.Rows, (page.Previous, page.Next));
        }
        var hashes = Sites.Select(s => s.CertificateHash).Concat(Filings.Select(f => f.CertificateHash)).Distinct().ToList();
        if (hashes.Count > 0)
        {
            MatchedHashes = (await db.Subjects.AsNoTracking()
                .Where(s => hashes.Contains(s.CertificateHash)
                            && s.Status != Beian.Core.Subjects.SubjectStatus.Cancelled
                            && s.Status != Beian.Core.Subjects.SubjectStatus.Withdrawn)
                .Select(s => s.CertificateHash).Distinct().ToListAsync(ct)).ToHashSet();
        }
    }
}
