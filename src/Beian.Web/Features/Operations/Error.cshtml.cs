using Beian.Web.Features.Shared;
using Beian.Web.Infrastructure.Hosting;
using Beian.Web.Infrastructure.Input;
using Beian.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beian.Web.Features.Operations;

/// <summary>
/// The page shown for every error: a plain Chinese explanation and a reference id that support
/// staff can find in the logs. Never a stack trace. It renders while the database is down, so it
/// reads nothing from it (<see cref="DatabaseFreePage"/>).
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Status { get; private set; }
    public string ReferenceId { get; private set; } = string.Empty;
    public string Heading { get; private set; } = string.Empty;
    public string Explanation { get; private set; } = string.Empty;

    public void OnGet(int? statusCode) => Describe(statusCode);
    public void OnPost(int? statusCode) => Describe(statusCode);

    private void Describe(int? statusCode)
    {
        DatabaseFreePage.Mark(ViewData);
        ReferenceId = ReferenceIds.Of(HttpContext);
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (exception != null)
        {
            logger.LogError(exception.Error, "Unhandled error on {Path}, reference {ReferenceId}", exception.Path, ReferenceId);
            Status = ErrorStatus.Of(exception.Error);
        }
        else
        {
            // Opened by its address with no error behind it (or an error code that is none): there is no such page.
            Status = statusCode is >= 400 and < 600 ? statusCode.Value : StatusCodes.Status404NotFound;
        }
        Response.StatusCode = Status;
        var refused = RefusedInput.Any(HttpContext) || exception?.Error is RefusedInputException;
        (Heading, Explanation) = Status switch
        {
            400 when refused => ("请求无效", "提交的内容或地址中含有不允许的控制字符，或内容超过了长度限制，未作处理。请检查后重新填写。"),
            400 => ("请求无效", "提交的内容无法处理。如果您是从一个打开很久的页面提交的，请刷新页面后重新填写。"),
            403 => ("无权访问", "您的账号没有访问该页面的权限。"),
            404 => ("页面不存在", "您访问的页面不存在或已被移除，请检查地址是否正确。"),
            405 => ("请求方式不正确", "请从页面上的按钮办理该业务。"),
            429 => ("操作过于频繁", "您的操作过于频繁，请稍后再试。"),
            503 when exception?.Error is StorageUnavailableException => ("服务暂时不可用", "文件存储暂时不可用，请稍后重试。"),
            503 => ("服务暂时不可用", "系统正在维护或数据库暂时无法连接，您已提交的内容不会丢失，请稍后再试。"),
            _ => ("系统繁忙", "系统处理您的请求时出现问题，请稍后再试。如问题持续，请联系平台客服并提供下面的参考编号。"),
        };
    }
}
