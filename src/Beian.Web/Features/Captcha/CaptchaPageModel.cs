using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Captcha;

/// <summary>A page whose form carries an image captcha (注册, 登录 …).</summary>
public abstract class CaptchaPageModel(CaptchaService captcha) : PageModel
{
    [BindProperty]
    public Guid? CaptchaId { get; set; }

    [BindProperty]
    [Display(Name = "验证码")]
    [Required(ErrorMessage = "请输入验证码")]
    public string? CaptchaAnswer { get; set; }

    /// <summary>A fresh image for the form; the previous one is spent whatever its outcome.</summary>
    protected async Task NewCaptchaAsync()
    {
        CaptchaId = await captcha.CreateAsync(HttpContext.RequestAborted);
        CaptchaAnswer = null;
        // The typed answer is cleared (it belonged to the old image) but its error message stays.
        if (ModelState.TryGetValue(nameof(CaptchaAnswer), out var answer))
        {
            answer.RawValue = null;
            answer.AttemptedValue = null;
        }
        ModelState.Remove(nameof(CaptchaId));
    }

    protected async Task<bool> CaptchaPassedAsync()
    {
        if (string.IsNullOrWhiteSpace(CaptchaAnswer)) return false;
        if (await captcha.ValidateAsync(CaptchaId, CaptchaAnswer, HttpContext.RequestAborted)) return true;
        ModelState.AddModelError(nameof(CaptchaAnswer), "验证码错误或已过期，请重新输入");
        return false;
    }
}
