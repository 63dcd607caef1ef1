using Beian.Web.Features.Reporting;
using Beian.Web.Features.Websites;
using Beian.Web.Features.Badges;
using Beian.Web.Features.Captcha;
using Beian.Web.Features.Content;
using Beian.Web.Features.Providers;
using Beian.Web.Features.PublicQuery;
using Beian.Web.Features.Regions;
using Beian.Web.Features.Uploads;
using Beian.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Beian.Web.Infrastructure.Hosting;

public static class Pipeline
{
    public static void UsePlatformPipeline(this WebApplication app)
    {
        // First: everything after it sees the client's address, not the proxy's.
        app.UseForwardedHeaders();
        // A Chinese error page with a reference id in every environment: never a stack trace.
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        // Inside the status-code pages: an API's bodiless error gets its problem, and the pages leave it alone.
        app.UseApiProblemResponses();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        // Before anything reads the query or the form: refused input never reaches a page, an API or the database.
        app.UseMiddleware<RefusedQueryStrings>();
        app.UseMiddleware<LenientFormReading>();
        app.UseRateLimiter();
        app.UseAuthentication();
        // The health probes need no user: a cookie sent along does not change their answer.
        app.UseDatabaseOutageGate(context => IsHealthProbe(context.Request.Path));
        app.UseAuthorization();
    }

    private const string LivenessPath = "/healthz";
    private const string ReadinessPath = "/readyz";

    private static bool IsHealthProbe(PathString path) =>
        path.Equals(LivenessPath, StringComparison.OrdinalIgnoreCase) || path.Equals(ReadinessPath, StringComparison.OrdinalIgnoreCase);

    public static void MapPlatformEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        // The one document, by its address only: another name (also as ?documentName=) is the Chinese 404
        // rather than the framework's English text.
        app.MapGroup(string.Empty)
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Request.Query.ContainsKey("documentName") ? Results.NotFound() : await next(context))
            .MapOpenApi("/openapi/v1.json");
        var endpoints = app.MapGroup(string.Empty).AddEndpointFilter<RefusedApiInput>();
        endpoints.MapCaptcha();
        endpoints.MapRegionApi();
        endpoints.MapProviderApi();
        endpoints.MapUploads();
        endpoints.MapDownloads();
        endpoints.MapBadges();
        endpoints.MapWebsitePrecheck();
        endpoints.MapPublicQuery();
        endpoints.MapReportingApi();
        app.MapRazorPages();
    }
}
