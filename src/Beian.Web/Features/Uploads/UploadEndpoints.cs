using Beian.Core.Uploads;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Audit;
using Beian.Web.Infrastructure.Storage;
using Microsoft.Net.Http.Headers;

namespace Beian.Web.Features.Uploads;

public static class UploadEndpoints
{
    /// <summary>
    /// Services of the uploads capability: storage (<c>Storage:Provider</c>, <see cref="FileStorages"/>), options (<c>Uploads:</c>)
    /// and <see cref="UploadService"/>. One call in ServiceRegistration.
    /// </summary>
    public static IServiceCollection AddUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UploadOptions>(configuration.GetSection("Uploads"));
        services.AddSingleton<IFileStorage>(provider =>
            FileStorages.FromConfiguration(configuration, provider.GetRequiredService<IHostEnvironment>()));
        services.AddScoped<UploadService>();
        return services;
    }

    /// <summary>
    /// <c>GET /files/{id}</c>: the file to its owner and to reviewers and supervisors of its police unit
    /// or a unit above; 404 to everybody else, whether or not the file exists. Anonymous requests
    /// are sent to the login page. Every police read is in the audit log (查看个人信息), and so is
    /// every 404 an officer gets (拒绝).
    /// </summary>
    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/files/{id:guid}", async (Guid id, bool? download, UploadService uploads, AuditLog audit, HttpContext http, ILoggerFactory loggers, CancellationToken ct) =>
        {
            var readable = await uploads.FindReadableAsync(id, http.User, ct);
            if (readable is not { } found)
            {
                // An officer asking for a file outside their jurisdiction is worth knowing about;
                // the answer stays the same 404 as for a file that does not exist.
                if (http.User.IsInRole(Roles.Reviewer) || http.User.IsInRole(Roles.Supervisor))
                    await audit.RecordNowAsync(AuditActions.ReadPersonalData, AuditObjectTypes.File, id.ToString(), AuditOutcomes.Refused,
                        "无权查看或文件不存在", ct);
                return Results.NotFound();
            }
            var (file, access) = found;
            var content = await uploads.OpenReadAsync(file, ct);
            if (content is null)
            {
                loggers.CreateLogger("Beian.Uploads").LogError("Stored object {StorageKey} of file {FileId} is missing", file.StorageKey, file.Id);
                return Results.NotFound();
            }
            if (access == FileReadAccess.ReadByPolice)
            {
                // Audited before a byte is sent: a read that cannot be audited fails.
                try
                {
                    await audit.RecordPersonalDataReadAsync(AuditObjectTypes.File, file.Id.ToString(),
                        $"{file.Purpose}，{file.AttachedTo ?? "未关联"}，属地 {file.JurisdictionUnitCode}", ct);
                }
                catch
                {
                    await content.DisposeAsync();
                    throw;
                }
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
            http.Response.ContentLength = StoredObjects.LengthOf(content);
            return Results.Stream(content, file.ContentType);
        }).RequireAuthorization().ExcludeFromDescription();
        return routes;
    }

    /// <summary>The download address of a file (for 【预览/下载】 links).</summary>
    public static string UrlOf(Guid fileId, bool download = false) => download ? $"/files/{fileId}?download=true" : $"/files/{fileId}";
}
