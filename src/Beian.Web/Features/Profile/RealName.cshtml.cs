using System.ComponentModel.DataAnnotations;
using Beian.Core.Accounts;
using Beian.Core.IdentityNumbers;
using Beian.Web.Features.Accounts;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Profile;

/// <summary>
/// 实名信息 (SPEC §2): the holder's real name and 居民身份证 number, which 接收主体 matches
/// together with the verified mobile. The number is stored encrypted and shown masked.
/// </summary>
public class RealNameModel(UserManager<ApplicationUser> users, PersonalDataProtector protector, TimeProvider clock) : AccountPageModel(users)
{
    [BindProperty, Display(Name = "真实姓名")]
    public string? Name { get; set; }

    [BindProperty, Display(Name = "居民身份证号码")]
    public string? IdNumber { get; set; }

    public string? MaskedIdNumber { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Name = Account.RealName;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "请填写真实姓名");
        else if (Name.Trim().Length is < 2 or > 30) ModelState.AddModelError(nameof(Name), "真实姓名应为2至30个字");
        var check = ResidentIdCard.Check(IdNumber, Beian.Core.Time.BeijingTime.DateOf(clock.GetUtcNow()));
        if (!check.IsValid) ModelState.AddModelError(nameof(IdNumber), check.Message!);
        if (!ModelState.IsValid) return Page();

        Account.RealName = Name!.Trim();
        Account.IdNumberCipher = protector.Encrypt(check.Normalized);
        Account.IdNumberHash = protector.Hash(check.Normalized);
        await Users.UpdateAsync(Account);
        Notice = "实名信息已保存。";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        await LoadAccountAsync();
        MaskedIdNumber = Account.IdNumberCipher == null ? null : Masking.MaskMiddle(protector.Decrypt(Account.IdNumberCipher), 3, 4);
    }
}
