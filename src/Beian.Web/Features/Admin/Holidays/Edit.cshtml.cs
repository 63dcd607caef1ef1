using System.ComponentModel.DataAnnotations;
using Beian.Core.Calendar;
using Beian.Web.Features.Calendar;
using Beian.Web.Features.Unfiled;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Admin.Holidays;

/// <summary>
/// 录入 a year's 法定节假日 and 调休上班日: typed (a date or a range and the festival, one a line) or read
/// from a file into the same boxes to be checked before 保存. Saving reckons the stored due dates again.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 64 * 1024)]
public class EditModel(HolidayYears years, UserManager<Accounts.ApplicationUser> users) : PageModel
{
    public const int MaxFileBytes = 64 * 1024;
    public const int MaxTextLength = 4000;

    [FromRoute]
    public int Year { get; set; }

    [BindProperty, Display(Name = "法定节假日")]
    [StringLength(MaxTextLength, ErrorMessage = "法定节假日最多4000个字")]
    public string? Holidays { get; set; }

    [BindProperty, Display(Name = "调休上班日")]
    [StringLength(MaxTextLength, ErrorMessage = "调休上班日最多4000个字")]
    public string? AdjustedWorkdays { get; set; }

    [BindProperty, Display(Name = "导入文件")]
    public IFormFile? Upload { get; set; }

    /// <summary>The entry's version when the year was read from the database; null for a year not entered yet.</summary>
    [BindProperty]
    public int? Version { get; set; }

    /// <summary>Set when the boxes were filled from a file and not saved yet.</summary>
    [BindProperty]
    public bool Imported { get; set; }

    public bool Shipped { get; private set; }

    /// <summary>What a file just filled in, to be checked before 保存.</summary>
    public string? ImportSummary { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!InRange) return NotFound();
        if (await years.FindAsync(Year, cancellationToken) is var (schedule, version))
        {
            (Holidays, AdjustedWorkdays, Version) = (HolidayYearText.Format(schedule.Holidays), HolidayYearText.Format(schedule.AdjustedWorkdays), version);
            Shipped = version == null;
        }
        return Page();
    }

    /// <summary>导入: the file's dates fill the boxes, to be checked and saved.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (!InRange) return NotFound();
        ModelState.Clear();
        if (Upload is not { Length: > 0 } file) ModelState.AddModelError(nameof(Upload), "请选择要导入的文件");
        else if (file.Length > MaxFileBytes) ModelState.AddModelError(nameof(Upload), "文件不能超过64KB");
        else Fill(HolidayYearImport.Read(UnfiledCsv.Decode(await ReadAllAsync(file, cancellationToken))));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!InRange) return NotFound();
        if (!ModelState.IsValid) return Page();
        var holidays = HolidayYearText.Parse(Holidays);
        var workdays = HolidayYearText.Parse(AdjustedWorkdays);
        AddErrors(nameof(Holidays), holidays.Errors.Select(e => e.ToString()));
        AddErrors(nameof(AdjustedWorkdays), workdays.Errors.Select(e => e.ToString()));
        if (!ModelState.IsValid) return Page();
        var problems = HolidayYear.Problems(Year, holidays.Dates, workdays.Dates);
        AddErrors(nameof(Holidays), problems.Where(p => p.List == HolidayList.Holidays).Select(p => p.Message));
        AddErrors(nameof(AdjustedWorkdays), problems.Where(p => p.List == HolidayList.AdjustedWorkdays).Select(p => p.Message));
        if (!ModelState.IsValid) return Page();

        var schedule = new HolidayYear(Year, holidays.Dates, workdays.Dates);
        var source = Imported ? HolidayYearSource.Imported : HolidayYearSource.Entered;
        if (!await years.SaveAsync(schedule, source, users.GetUserId(User)!, Version, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, $"{Year}年的节假日安排已被其他管理员修改，请刷新页面后重新填写。");
            return Page();
        }
        Notice = $"{Year}年节假日安排已保存（法定节假日{schedule.Holidays.Count}天，调休上班日{schedule.AdjustedWorkdays.Count}天），相关办理期限和完成期限已重新计算。";
        return RedirectToPage("/Admin/Holidays/Index");
    }

    /// <summary>A box's errors as one message beside it: a field shows only its first error, and every line should be seen there.</summary>
    private void AddErrors(string field, IEnumerable<string> errors)
    {
        var text = string.Join("；", errors);
        if (text.Length > 0) ModelState.AddModelError(field, text);
    }

    private bool InRange => Year is >= HolidayYear.FirstYear and <= HolidayYear.LastYear;

    private void Fill(HolidayImport import)
    {
        AddErrors(nameof(Upload), import.Errors.Select(e => e.ToString()));
        if (import.Errors.Count > 0) return;
        Holidays = HolidayYearText.Format(import.Holidays);
        AdjustedWorkdays = HolidayYearText.Format(import.AdjustedWorkdays);
        Imported = true;
        ImportSummary = $"已从文件读取法定节假日{import.Holidays.Count}天、调休上班日{import.AdjustedWorkdays.Count}天，请核对后点击“保存”。";
    }

    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
