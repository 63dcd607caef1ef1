using Beian.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Regions;

/// <summary>
/// A page that shows more than its bound input (for example a read-only 开办主体 summary loaded
/// from the database) implements this to prepare itself when the 【更新下级选项】 button
/// re-renders the form; it typically loads what its OnGet loads, without touching the posted input.
/// </summary>
public interface IAddressRefreshPage
{
    Task<IActionResult> OnAddressRefreshAsync();
}

/// <summary>
/// The no-JavaScript half of the cascading address selects. Without scripts, the
/// <c>_AddressFields</c> partial shows a 【更新下级选项】 submit button (name
/// <see cref="FieldName"/>); when a form is posted with it, this filter skips the page's handler
/// (nothing is saved or submitted), clears the validation errors and renders the page again with
/// the posted values, so the city and county lists now match the chosen province and city.
/// </summary>
public sealed class AddressRefreshFilter : IAsyncPageFilter
{
    public const string FieldName = "__addressRefresh";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType
            && (await request.ReadFormAsync(context.HttpContext.RequestAborted)).ContainsKey(FieldName))
        {
            context.ModelState.ClearBindingErrors(context.HttpContext);
            context.Result = context.HandlerInstance is IAddressRefreshPage page
                ? await page.OnAddressRefreshAsync()
                : new PageResult();
            return;
        }
        await next();
    }
}
