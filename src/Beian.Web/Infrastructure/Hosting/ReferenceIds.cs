using System.Diagnostics;

namespace Beian.Web.Infrastructure.Hosting;

/// <summary>
/// The reference id an error shows (参考编号 on the error page, <c>traceId</c> of a problem): the
/// trace id the logs carry, so support staff find the request from it.
/// </summary>
public static class ReferenceIds
{
    public static string Of(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
}
