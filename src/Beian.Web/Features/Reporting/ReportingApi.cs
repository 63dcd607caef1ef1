using System.ComponentModel;
using Beian.Core.Reporting;
using Beian.Web.Data;
using Beian.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Reporting;

/// <summary>A row of an IP段 report (the columns of IP段模板).</summary>
public sealed record IpRangeRowInput(
    [property: Description("起始IP")] string? StartIp,
    [property: Description("结束IP")] string? EndIp,
    [property: Description("IP段用途, e.g. 网站、云主机")] string? Purpose,
    [property: Description("所在地区：区划代码 330106 或 浙江省杭州市西湖区")] string? Region,
    [property: Description("使用单位名称")] string? UnitName,
    [property: Description("使用单位证件号码（统一社会信用代码等）")] string? UnitCertificateNumber,
    [property: Description("该IP段上的网站域名")] IReadOnlyList<string>? Domains,
    [property: Description("分配日期 yyyy-MM-dd")] string? AssignedOn);

/// <summary>A row of a CDN report (the columns of CDN_IP上报模板).</summary>
public sealed record CdnRowInput(
    [property: Description("加速域名")] string? Domain,
    [property: Description("CDN节点IP（单个IP或起止IP）")] IReadOnlyList<string>? NodeIps,
    [property: Description("源站IP")] IReadOnlyList<string>? OriginIps,
    [property: Description("网站名称")] string? SiteName,
    [property: Description("公安备案号")] string? PublicSecurityNumber,
    [property: Description("客户名称")] string? CustomerName,
    [property: Description("客户证件号码")] string? CustomerCertificateNumber,
    [property: Description("所在地区")] string? Region,
    [property: Description("服务开始日期 yyyy-MM-dd")] string? ServiceStartOn);

/// <summary>A row of an 应用市场 report (the columns of 应用市场APP上报模板).</summary>
public sealed record AppListingRowInput(
    [property: Description("APP名称")] string? AppName,
    [property: Description("包名（Android/HarmonyOS）或 Bundle ID（iOS）")] string? PackageName,
    [property: Description("开发者")] string? Developer,
    [property: Description("版本")] string? Version,
    [property: Description("下载地址")] string? DownloadUrl,
    [property: Description("工信部备案号")] string? IcpNumber,
    [property: Description("公安备案号")] string? PublicSecurityNumber,
    [property: Description("开发者证件号码")] string? DeveloperCertificateNumber,
    [property: Description("所在地区")] string? Region);

public sealed record ReportRequest<TRow>([property: Description("上报的行，最多 50000 行")] IReadOnlyList<TRow>? Rows);

/// <summary>A report as the API shows it: its progress, counts and the first refused rows.</summary>
public sealed record ReportStatusResponse(Guid Id, string Kind, string Status, bool Duplicate, int? TotalRows, int ProcessedRows, int AcceptedRows,
    int FailedRows, int ChangedEntries, int UnfiledFound, int FindingsRaised, string? Error, IReadOnlyList<ReportRowFailure> Failures, DateTime CreatedAt,
    DateTime? FinishedAt);

public sealed record FilingStatusRequest([property: Description("域名（服务商）或包名（应用市场），最多 1000 个")] IReadOnlyList<string>? Identifiers);

public sealed record FilingStatusResponse(IReadOnlyList<FilingStatusItem> Items);

/// <summary>
/// /api/providers/…: the reports and the filing-status look-up of an approved 服务商 or 应用市场, authenticated by one of
/// its API keys (<c>Authorization: Bearer bak_…</c>). Every call is audited with its key, refused ones too.
/// </summary>
public static class ReportingApi
{
    public const int MaxApiRows = 50000;
    private const string ReporterItem = "reporting.reporter";
    private const string KeyItem = "reporting.key";

    public static IEndpointRouteBuilder MapReportingApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/providers").WithTags("服务商业务、应用市场业务 Reports").AllowAnonymous()
            .AddEndpointFilter(AuthenticateAsync).DisableAntiforgery();
        api.MapPost("/reports/ip-ranges", (ReportRequest<IpRangeRowInput> request, HttpContext http, ReportIntake intake, CancellationToken ct) =>
                SubmitAsync(http, intake, ReportKind.IpRanges, request.Rows?.Select(Cells).ToList(), ct))
            .WithName("ReportIpRanges").WithSummary("上报IP段 / Report IP ranges").Produces<ReportStatusResponse>(StatusCodes.Status202Accepted);
        api.MapPost("/reports/cdn", (ReportRequest<CdnRowInput> request, HttpContext http, ReportIntake intake, CancellationToken ct) =>
                SubmitAsync(http, intake, ReportKind.Cdn, request.Rows?.Select(Cells).ToList(), ct))
            .WithName("ReportCdn").WithSummary("上报CDN加速域名和节点IP / Report CDN domains").Produces<ReportStatusResponse>(StatusCodes.Status202Accepted);
        api.MapPost("/reports/apps", (ReportRequest<AppListingRowInput> request, HttpContext http, ReportIntake intake, CancellationToken ct) =>
                SubmitAsync(http, intake, ReportKind.AppListings, request.Rows?.Select(Cells).ToList(), ct))
            .WithName("ReportApps").WithSummary("上报应用市场上架APP / Report listed APPs").Produces<ReportStatusResponse>(StatusCodes.Status202Accepted);
        api.MapGet("/reports/{id:guid}", StatusAsync)
            .WithName("ReportStatus").WithSummary("上报处理进度 / A report's progress").Produces<ReportStatusResponse>();
        api.MapPost("/filing-status", LookUpAsync)
            .WithName("FilingStatus").WithSummary("备案状态查询 / Filing status of domains or package names").Produces<FilingStatusResponse>();
        return routes;
    }

    private static async ValueTask<object?> AuthenticateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var found = await services.GetRequiredService<ReporterService>().AuthenticateAsync(token, http.RequestAborted);
        var audit = services.GetRequiredService<AuditLog>();
        var call = $"{http.Request.Method} {http.Request.Path}";
        if (found is not { } pair)
        {
            await audit.RecordNowAsync(AuditActions.CallApi, AuditObjectTypes.Reporter, "-", AuditOutcomes.Refused,
                $"{call} API密钥无效{(ApiKeyText.TryParse(token, out var shown) ? $"（{shown}）" : "")}", http.RequestAborted);
            return TypedResults.Problem(title: "API密钥无效", detail: "请在请求头 Authorization 中以 Bearer 方式提供有效的API密钥；密钥停用后不能再使用。",
                statusCode: StatusCodes.Status401Unauthorized);
        }
        var (reporter, key) = pair;
        http.Items[ReporterItem] = reporter;
        http.Items[KeyItem] = key;
        audit.Record(AuditActions.CallApi, AuditObjectTypes.Reporter, reporter.Id.ToString(), detail: $"{call} {ApiKeyText.Display(key.Prefix)} {key.Name}");
        await services.GetRequiredService<BeianDbContext>().SaveChangesAsync(http.RequestAborted);
        return await next(context);
    }

    private static Reporter ReporterOf(HttpContext http) => (Reporter)http.Items[ReporterItem]!;

    private static ReporterApiKey KeyOf(HttpContext http) => (ReporterApiKey)http.Items[KeyItem]!;

    private static async Task<IResult> SubmitAsync(HttpContext http, ReportIntake intake, ReportKind kind, List<Dictionary<string, string?>>? rows,
        CancellationToken cancellationToken)
    {
        if (rows is not { Count: > 0 }) return Refused("请至少上报一行（rows）");
        if (rows.Count > MaxApiRows) return Refused($"一次最多上报{MaxApiRows}行，请分批上报");
        var reporter = ReporterOf(http);
        var key = KeyOf(http);
        var csv = ReportIntake.ApiRowsAsCsv(kind, rows);
        using var content = new MemoryStream(csv);
        var (accepted, error) = await intake.AcceptAsync(reporter, kind, ReportSource.Api, $"api-{kind}.csv", content, key.CreatedByUserId, key.Id,
            cancellationToken);
        if (accepted == null) return Refused(error!);
        return TypedResults.Json(Describe(accepted.Report, accepted.Duplicate, []), statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> StatusAsync(Guid id, HttpContext http, BeianDbContext db, CancellationToken cancellationToken)
    {
        var reporter = ReporterOf(http);
        var report = await db.Set<ServiceReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.ReporterId == reporter.Id, cancellationToken);
        if (report == null) return TypedResults.Problem(title: "上报记录不存在", statusCode: StatusCodes.Status404NotFound);
        var failures = await db.Set<ServiceReportFailure>().AsNoTracking().Where(f => f.ReportId == id).OrderBy(f => f.Line).Take(100)
            .Select(f => new ReportRowFailure(f.Line, f.Reason)).ToListAsync(cancellationToken);
        return TypedResults.Ok(Describe(report, false, failures));
    }

    private static async Task<IResult> LookUpAsync(FilingStatusRequest request, HttpContext http, FilingStatusLookup lookup, CancellationToken cancellationToken)
    {
        if (request.Identifiers is not { Count: > 0 } identifiers) return Refused("请提供要查询的域名或包名（identifiers）");
        if (identifiers.Count > FilingStatusLookup.MaxItems) return Refused($"一次最多查询{FilingStatusLookup.MaxItems}个");
        return TypedResults.Ok(new FilingStatusResponse(await lookup.LookUpAsync(ReporterOf(http).Role, identifiers, cancellationToken)));
    }

    private static ReportStatusResponse Describe(ServiceReport report, bool duplicate, IReadOnlyList<ReportRowFailure> failures) =>
        new(report.Id, report.Kind.ToString(), report.Status.ToString(), duplicate, report.TotalRows, report.ProcessedRows, report.AcceptedRows,
            report.FailedRows, report.ChangedEntries, report.UnfiledFound, report.FindingsRaised, report.Error, failures, report.CreatedAt, report.FinishedAt);

    private static IResult Refused(string detail) =>
        TypedResults.Problem(title: "上报内容不正确", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static Dictionary<string, string?> Cells(IpRangeRowInput row) => new()
    {
        ["startIp"] = row.StartIp, ["endIp"] = row.EndIp, ["purpose"] = row.Purpose, ["region"] = row.Region, ["unitName"] = row.UnitName,
        ["unitCertificateNumber"] = row.UnitCertificateNumber, ["domains"] = Join(row.Domains), ["assignedOn"] = row.AssignedOn,
    };

    private static Dictionary<string, string?> Cells(CdnRowInput row) => new()
    {
        ["domain"] = row.Domain, ["nodeIps"] = Join(row.NodeIps), ["originIps"] = Join(row.OriginIps), ["siteName"] = row.SiteName,
        ["publicSecurityNumber"] = row.PublicSecurityNumber, ["customerName"] = row.CustomerName,
        ["customerCertificateNumber"] = row.CustomerCertificateNumber, ["region"] = row.Region, ["serviceStartOn"] = row.ServiceStartOn,
    };

    private static Dictionary<string, string?> Cells(AppListingRowInput row) => new()
    {
        ["appName"] = row.AppName, ["packageName"] = row.PackageName, ["developer"] = row.Developer, ["version"] = row.Version,
        ["downloadUrl"] = row.DownloadUrl, ["icpNumber"] = row.IcpNumber, ["publicSecurityNumber"] = row.PublicSecurityNumber,
        ["developerCertificateNumber"] = row.DeveloperCertificateNumber, ["region"] = row.Region,
    };

    private static string? Join(IReadOnlyList<string>? values) => values == null ? null : string.Join(';', values);
}
