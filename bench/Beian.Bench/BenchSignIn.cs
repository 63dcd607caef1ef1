using Beian.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Beian.Bench;

/// <summary>
/// Benchmark-only endpoints that <see cref="BenchHost"/> maps in front of the platform (the platform never does):
/// <c>/bench/signin?user=</c> signs one of the benchmark's own police accounts in (names starting <see cref="Prefix"/>),
/// as a completed second factor would, so that the police pages can be timed over HTTP; and any request carrying
/// <see cref="SqlCapture.Header"/> has the SQL it sends recorded under the header's value.
/// </summary>
public static class BenchSignIn
{
    public const string Path = "/bench/signin";
    public const string Prefix = "bench_";

    public sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(CaptureAsync);
            app.Map(Path, branch => branch.Run(SignInAsync));
            next(app);
        };
    }

    /// <summary>The authentication services need no middleware to write the platform's own cookie.</summary>
    private static async Task SignInAsync(HttpContext context)
    {
        context.Request.PathBase = PathString.Empty; // else the cookie's path would be the branch's

        var user = context.Request.Query["user"].ToString();
        var users = context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
        if (!user.StartsWith(Prefix, StringComparison.Ordinal) || await users.FindByNameAsync(user) is not { } account)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await context.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>().SignInAsync(account, isPersistent: false);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task CaptureAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Headers[SqlCapture.Header].FirstOrDefault() is not { Length: > 0 } key)
        {
            await next(context);
            return;
        }
        var commands = await SqlCapture.OfAsync(() => next(context));
        SqlCapture.ByRequest[key] = commands;
    }
}
