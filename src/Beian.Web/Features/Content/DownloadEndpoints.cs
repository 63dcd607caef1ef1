using Beian.Web.Features.Accounts;
using Beian.Web.Infrastructure.Storage;
using Microsoft.Net.Http.Headers;

namespace Beian.Web.Features.Content;

public static class DownloadEndpoints
{
    /// <summary>
    /// <c>GET /Public/Downloads/{id}</c>: a published file of the 下载中心 to anybody, no login, always as
    /// an attachment of its detected type; an administrator also gets a draft (to check it before
    /// 发布). Anything else is 404.
    /// </summary>
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/Public/Downloads/{id:guid}", async (Guid id, DownloadService downloads, HttpContext http, CancellationToken ct) =>
        {
            var isAdministrator = http.User.IsInRole(Roles.Administrator);
            if (await downloads.OpenAsync(id, includeDrafts: isAdministrator, ct) is not { } opened) return Results.NotFound();
            var (item, content) = opened;

            var headers = http.Response.Headers;
            headers.CacheControl = item.Status == Beian.Core.Content.ContentStatus.Published && !isAdministrator ? "public, max-age=300" : "private, no-store";
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(item.FileName);
            headers.ContentDisposition = disposition.ToString();
            http.Response.ContentLength = StoredObjects.LengthOf(content);
            return Results.Stream(content, item.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    public static string UrlOf(Guid id) => $"/Public/Downloads/{id}";
}
