using Beian.Core.Accounts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Beian.Web.Features.Verification;

/// <summary>
/// The manuals' check of who is acting: the mobile is shown masked (138****5678) and the person
/// types its middle four digits.
/// </summary>
public static class MobileMiddleDigits
{
    /// <summary>True when <paramref name="typed"/> are the middle four digits; otherwise the error is put on <paramref name="key"/>.</summary>
    public static bool Check(ModelStateDictionary modelState, string key, string? mobile, string? typed)
    {
        var number = MobileNumber.Normalize(mobile);
        var middle = (typed ?? string.Empty).Trim();
        if (middle.Length == 0) modelState.AddModelError(key, "请输入手机号码中间四位");
        else if (number.Length != 11 || middle != number.Substring(3, 4)) modelState.AddModelError(key, "手机号码中间四位不正确");
        return modelState.IsValid;
    }
}
