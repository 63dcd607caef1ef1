using System.ComponentModel.DataAnnotations;
using Beian.Core.Contacts;
using Beian.Web.Data;
using Beian.Web.Features.PoliceUnits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Admin.Units;

/// <summary>
/// Changes a unit's contact phone (sent in every approval SMS) and review limit. The version
/// travels with the form, so two administrators editing at once cannot overwrite each other.
/// </summary>
public class EditModel(BeianDbContext db) : PageModel
{
    public PoliceUnit Unit { get; private set; } = null!;

    [BindProperty, Display(Name = "联系电话")]
    [Required(ErrorMessage = "请输入联系电话")]
    public string? ContactPhone { get; set; }

    [BindProperty, Display(Name = "审核时限（工作日）")]
    [Required(ErrorMessage = "请输入审核时限")]
    [Range(1, 60, ErrorMessage = "审核时限应为1至60个工作日")]
    public int? ReviewLimitWorkingDays { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (!await LoadAsync(code)) return NotFound();
        ContactPhone = Unit.ContactPhone;
        ReviewLimitWorkingDays = Unit.ReviewLimitWorkingDays;
        Version = Unit.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (!await LoadAsync(code)) return NotFound();
        if (!string.IsNullOrWhiteSpace(ContactPhone) && !Landline.IsValid(ContactPhone) && !Beian.Core.Accounts.MobileNumber.IsValid(ContactPhone))
            ModelState.AddModelError(nameof(ContactPhone), "请输入正确的电话号码，如 0571-87654321");
        if (!ModelState.IsValid) return Page();

        db.Entry(Unit).Property(u => u.Version).OriginalValue = Version;
        Unit.ContactPhone = ContactPhone!.Trim();
        Unit.ReviewLimitWorkingDays = ReviewLimitWorkingDays!.Value;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "该单位信息已被其他管理员修改，请刷新页面后重新填写。");
            return Page();
        }
        Notice = $"{Unit.Name}的信息已保存。";
        return RedirectToPage("/Admin/Units/Index", new { parent = Unit.ParentCode });
    }

    private async Task<bool> LoadAsync(string code)
    {
        var unit = await db.PoliceUnits.FirstOrDefaultAsync(u => u.Code == code);
        if (unit == null) return false;
        Unit = unit;
        return true;
    }
}
