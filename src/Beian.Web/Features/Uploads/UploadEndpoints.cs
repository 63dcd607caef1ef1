using System.Security.Claims;
using Beian.Core.Uploads;
using Beian.Web.Infrastructure.Storage;
using Microsoft.Net.Http.Headers;

namespace Beian.Web.Features.Uploads;

public static class UploadEndpoints
{
    /// <summary>
    /// Services of the uploads capability: storage (<c>Storage:Root</c>), options (<c>Uploads:</c>)
    /// and <see cref="UploadService"/>. One call in ServiceRegistration.
    /// </summary>
    public static IServiceCollection AddUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UploadOptions>(configuration.GetSection("Uploads"));
        services.AddSingleton<IFileStorage>(provider =>
            LocalFileStorage.FromConfiguration(configuration, provider.GetRequiredService<IHostEnvironment>()));
        services.AddScoped<UploadService>();
        return services;
    }

    /// <summary>
    /// <c>GET /files/{id}</c>: the file to its owner and to reviewers and supervisors of its police unit
    /// or a unit above; 404 to everybody else, whether or not the file exists. Anonymous requests
    /// are sent to the login page.
    /// </summary>
    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/files/{id:guid}", async (Guid id, bool? download, UploadService uploads, HttpContext http, ILoggerFactory loggers, CancellationToken ct) =>
        {
            var readable = await uploads.FindReadableAsync(id, http.User, ct);
            if (readable is not { } found) return Results.NotFound();
            var (file, access) = found;
            var content = await uploads.OpenReadAsync(file, ct);
            if (content is null)
            {
                loggers.CreateLogger("Beian.Uploads").LogError("Stored object {StorageKey} of file {FileId} is missing", file.StorageKey, file.Id);
                return Results.NotFound();
            }
            if (access == FileReadAccess.ReadByPolice)
            {
                loggers.CreateLogger("Beian.Uploads.PoliceReads").LogInformation(
                    "Police read of file {FileId} ({Purpose}, owner {OwnerUserId}, attached to {AttachedTo}, unit {JurisdictionUnitCode}) by user {UserId} from {RemoteIp}",
                    file.Id, file.Purpose, file.OwnerUserId, file.AttachedTo, file.JurisdictionUnitCode,
                    http.User.FindFirstValue(ClaimTypes.NameIdentifier), http.Connection.RemoteIpAddress);
            }

            var headers = http.Response.Headers;
            headers.CacheControl = "private, no-store";
            headers.XContentTypeOptions = "nosniff";
            // Images that decoded cleanly may show in the browser (【预览】), sandboxed; PDFs and
            // ?download=true always download.
            var inline = UploadRules.IsImage(file.Kind) && download != true;
            if (inline) headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
            var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
            disposition.SetHttpFileName(file.OriginalName);
            headers.ContentDisposition = disposition.ToString();
            return Results.Stream(content, file.ContentType);
        }).RequireAuthorization().ExcludeFromDescription();
        return routes;
    }

    /// <summary>The download address of a file (for 【预览/下载】 links).</summary>
    public static string UrlOf(Guid fileId, bool download = false) => download ? $"/files/{fileId}?download=true" : $"/files/{fileId}";
}
