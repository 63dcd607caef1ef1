using System.ComponentModel.DataAnnotations;
using Beian.Core.Accounts;
using Beian.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Beian.Web.Features.Profile;

public class ChangePasswordModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : AccountPageModel(users)
{
    [BindProperty, Display(Name = "原密码"), Required(ErrorMessage = "请输入原密码"), DataType(DataType.Password)]
    public string? OldPassword { get; set; }

    [BindProperty, Display(Name = "新密码"), Required(ErrorMessage = "请输入新密码"), DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    [BindProperty, Display(Name = "确认新密码"), Required(ErrorMessage = "请再次输入新密码"), DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAccountAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAccountAsync();
        if (!string.IsNullOrEmpty(NewPassword))
        {
            foreach (var problem in PasswordPolicy.Default.Check(NewPassword, Account.UserName))
                ModelState.AddModelError(nameof(NewPassword), problem);
        }
        if (!string.IsNullOrEmpty(ConfirmPassword) && ConfirmPassword != NewPassword)
            ModelState.AddModelError(nameof(ConfirmPassword), "两次输入的新密码不一致");
        if (!string.IsNullOrEmpty(NewPassword) && NewPassword == OldPassword)
            ModelState.AddModelError(nameof(NewPassword), "新密码不能与原密码相同");
        if (!ModelState.IsValid) return Page();

        var result = await Users.ChangePasswordAsync(Account, OldPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(OldPassword) : nameof(NewPassword), error.Description);
            return Page();
        }
        var chosenByAdministrator = Account.MustChangePassword;
        if (chosenByAdministrator)
        {
            Account.MustChangePassword = false;
            await Users.UpdateAsync(Account);
        }
        await signIn.RefreshSignInAsync(Account);
        if (chosenByAdministrator) return LocalRedirect(Accounts.LoginModel.HomeFor(Account));
        Notice = "密码修改成功。";
        return RedirectToPage();
    }
}
