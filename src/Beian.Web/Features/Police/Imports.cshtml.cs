using Beian.Core.PoliceUnits;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Profile;
using Beian.Web.Features.Unfiled;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police;

/// <summary>
/// 未备案网站导入: CSV upload of 未备案网站 and of offline filings (网站认领), their templates, the
/// result of the last import and the records imported by the officer's unit and the units below it.
/// </summary>
[RequestSizeLimit(UnfiledCsv.MaxFileBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = UnfiledCsv.MaxFileBytes + 1024 * 1024)]
public class ImportsModel(UserManager<ApplicationUser> users, BeianDbContext db, UnfiledImportService imports)
    : AccountPageModel(users)
{
    public const int PageSize = 20;
    public const string UnfiledType = "unfiled";
    public const string OfflineType = "offline";

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Batch { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public UnfiledImportBatch? LastBatch { get; private set; }
    public IReadOnlyList<UnfiledSite> Sites { get; private set; } = [];
    public IReadOnlyList<OfflineFiling> Filings { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
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
        var scope = Beian.Web.Features.PoliceUnits.PoliceJurisdiction.CodesWithin(unitCode);

        var batches = db.Set<UnfiledImportBatch>().AsNoTracking();
        LastBatch = Batch is { } batchId
            ? await batches.FirstOrDefaultAsync(b => b.Id == batchId && b.ImportedByUserId == Account.Id, ct)
            : await batches.Where(b => b.ImportedByUserId == Account.Id).OrderByDescending(b => b.ImportedAt).FirstOrDefaultAsync(ct);

        if (ShowsOffline)
        {
            var query = db.Set<OfflineFiling>().AsNoTracking();
            if (scope != null) query = query.Where(f => scope.Contains(f.ImportedByUnitCode));
            Total = await query.CountAsync(ct);
            PageNumber = Math.Clamp(PageNumber, 1, PageCount);
            Filings = await query.OrderByDescending(f => f.ImportedAt).ThenBy(f => f.NumberDigits)
                .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        }
        else
        {
            Type = UnfiledType;
            var query = db.Set<UnfiledSite>().AsNoTracking();
            if (scope != null) query = query.Where(s => scope.Contains(s.ImportedByUnitCode));
            Total = await query.CountAsync(ct);
            PageNumber = Math.Clamp(PageNumber, 1, PageCount);
            Sites = await query.OrderByDescending(s => s.ImportedAt).ThenBy(s => s.Domain)
                .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
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
