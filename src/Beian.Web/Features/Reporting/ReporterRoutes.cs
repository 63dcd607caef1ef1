using Beian.Core.Reporting;

namespace Beian.Web.Features.Reporting;

/// <summary>The route segment of each role's pages: /Reporting/Providers (我的服务商), /Reporting/AppStores (我的应用市场).</summary>
public static class ReporterRoutes
{
    public const string Providers = "Providers";
    public const string AppStores = "AppStores";
    public const string Constraint = "regex(^(Providers|AppStores)$)";

    public static ReporterRole? RoleOf(string? segment) => segment switch
    {
        Providers => ReporterRole.ServiceProvider,
        AppStores => ReporterRole.AppStore,
        _ => null,
    };

    public static string Segment(this ReporterRole role) => role == ReporterRole.ServiceProvider ? Providers : AppStores;

    public static string MinePath(this ReporterRole role) => $"/Reporting/{role.Segment()}";

    public static string DetailPath(Guid id) => $"/Reporting/Detail/{id}";

    /// <summary>修改后重新提交 of a returned application: the role's application form, filled with what was returned.</summary>
    public static string CorrectionPath(ReporterRole role, Guid applicationId) => $"{role.MinePath()}/Apply?application={applicationId}";
}
