using Beian.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Admin.PoliceUsers;

/// <summary>新增民警: the initial password is generated and sent to the officer's mobile by SMS.</summary>
[Authorize(Policy = "Administrator")]
public class NewModel(PoliceAccounts police, UserManager<Accounts.ApplicationUser> users) : PageModel
{
    [BindProperty]
    public NewPoliceUserInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var unit = await police.ValidateAsync(Input, ModelState, nameof(Input), existing: null);
        if (unit == null) return Page();

        var (result, officer) = await police.CreateAsync(Input, unit, users.GetUserId(User)!);
        if (!result.Succeeded)
        {
            await police.ValidateAsync(Input, ModelState, nameof(Input), existing: null);
            if (ModelState.IsValid)
                foreach (var error in result.Errors) ModelState.AddModelError(FieldOf(error), error.Description);
            return Page();
        }
        Notice = $"已为{unit.Name}新增民警{officer.DisplayName}（{officer.UserName}），初始密码已通过短信发送至 {MobileNumber.Mask(Input.Mobile)}，首次登录须修改密码。";
        return RedirectToPage("/Admin/PoliceUsers/Edit", new { id = officer.Id });
    }

    internal static string FieldOf(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" or "InvalidUserName" => "Input.UserName",
        "DuplicateEmail" or "InvalidEmail" => "Input.Email",
        _ => string.Empty,
    };
}
