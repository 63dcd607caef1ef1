namespace Beian.Core.Providers;

/// <summary>What a provider offers: 网络接入服务 (access), 域名注册服务 (registrar), or both.</summary>
[Flags]
public enum ProviderKind
{
    Access = 1,
    Registrar = 2,
    Both = Access | Registrar,
}

public static class ProviderScopes
{
    public const string Domestic = "境内";
    public const string Overseas = "境外";
}

/// <summary>
/// A 网络接入服务商 or 域名注册服务商. <see cref="Region"/> is the province code of the
/// headquarters, "全国" for a national group, or "境外".
/// </summary>
public sealed record ServiceProvider(
    string Id,
    string Name,
    string ShortName,
    ProviderKind Kind,
    string Scope,
    string Region)
{
    public bool Offers(ProviderKind kind) => (Kind & kind) == kind;
}
