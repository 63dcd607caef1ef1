namespace Beian.Core.Providers;

/// <summary>
/// The known 网络接入服务商 and 域名注册服务商. <see cref="Default"/> is the embedded,
/// hand-curated providers.json, loaded once.
/// </summary>
public sealed class ServiceProviderCatalog
{
    private static readonly Lazy<ServiceProviderCatalog> LazyDefault = new(ProviderFile.LoadCatalog);

    private readonly Dictionary<string, ServiceProvider> _byId;

    public ServiceProviderCatalog(IEnumerable<ServiceProvider> providers)
    {
        All = providers.ToList();
        _byId = All.ToDictionary(provider => provider.Id);
    }

    public static ServiceProviderCatalog Default => LazyDefault.Value;

    public IReadOnlyList<ServiceProvider> All { get; }

    public ServiceProvider? Find(string? id) =>
        id is not null && _byId.TryGetValue(id, out var provider) ? provider : null;

    /// <summary>
    /// Providers matching every given criterion (null or blank = any):
    /// <paramref name="name"/> is a case-insensitive substring of the full or short name;
    /// <paramref name="region"/> is "全国", "境外" or a region code (any code inside a province
    /// matches that province's providers); <paramref name="kind"/> keeps providers offering it
    /// (a "both" provider matches Access and Registrar); <paramref name="scope"/> is 境内 or 境外.
    /// </summary>
    public IReadOnlyList<ServiceProvider> Search(string? name, string? region, ProviderKind? kind, string? scope) =>
        All.Where(provider =>
                MatchesName(provider, name?.Trim())
                && MatchesRegion(provider, region?.Trim())
                && (kind is null || provider.Offers(kind.Value))
                && (string.IsNullOrWhiteSpace(scope) || provider.Scope == scope.Trim()))
            .ToList();

    private static bool MatchesName(ServiceProvider provider, string? name) =>
        string.IsNullOrEmpty(name)
        || provider.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
        || provider.ShortName.Contains(name, StringComparison.OrdinalIgnoreCase);

    private static bool MatchesRegion(ServiceProvider provider, string? region)
    {
        if (string.IsNullOrEmpty(region) || provider.Region == region)
        {
            return true;
        }
        return region.Length == 6 && region.All(char.IsAsciiDigit) && provider.Region == region[..2] + "0000";
    }
}
