namespace Beian.Core.Reporting;

/// <summary>What a reporting unit is to the platform: a 服务商 (hosting, cloud, CDN, access) or an 应用市场.</summary>
public enum ReporterRole
{
    ServiceProvider,
    AppStore,
}

/// <summary>The services a 服务商 offers (SPEC §5): one or more.</summary>
[Flags]
public enum ProviderServices
{
    None = 0,
    /// <summary>IDC/虚拟主机.</summary>
    Idc = 1,
    /// <summary>云服务.</summary>
    Cloud = 2,
    Cdn = 4,
    /// <summary>接入.</summary>
    Access = 8,
}

public static class ReporterLabels
{
    public static string Label(this ReporterRole role) => role == ReporterRole.ServiceProvider ? "服务商" : "应用市场";

    public static readonly IReadOnlyList<(ProviderServices Service, string Label)> Services =
    [
        (ProviderServices.Idc, "IDC/虚拟主机"),
        (ProviderServices.Cloud, "云服务"),
        (ProviderServices.Cdn, "CDN"),
        (ProviderServices.Access, "接入"),
    ];

    /// <summary>"IDC/虚拟主机、CDN".</summary>
    public static string Label(this ProviderServices services) =>
        string.Join('、', Services.Where(s => services.HasFlag(s.Service)).Select(s => s.Label));

    /// <summary>The reports a reporter of this role sends.</summary>
    public static IReadOnlyList<ReportKind> Reports(this ReporterRole role) =>
        role == ReporterRole.ServiceProvider ? [ReportKind.IpRanges, ReportKind.Cdn] : [ReportKind.AppListings];
}
