using System.Security.Claims;
using Beian.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Messages;

/// <summary>Puts the signed-in user's unread count where the header's 系统通知 badge reads it.</summary>
public sealed class UnreadMessageCountFilter(SiteMessageQueries queries) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is PageResult && executed.HandlerInstance is PageModel page && !DatabaseFreePage.IsMarked(page.ViewData)
            && context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            page.ViewData["UnreadMessageCount"] = await queries.UnreadCountAsync(userId, context.HttpContext.RequestAborted);
        }
    }
}
