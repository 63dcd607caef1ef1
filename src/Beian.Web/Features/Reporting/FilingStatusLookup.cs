using Beian.Core.Apps;
using Beian.Core.Reporting;
using Beian.Core.Websites;
using Beian.Web.Features.Apps;
using Beian.Web.Features.Websites;

namespace Beian.Web.Features.Reporting;

/// <summary>One identifier's filing status: filed under which 公安备案号, not filed, or not an identifier at all.</summary>
public sealed record FilingStatusItem(string Identifier, bool Filed, string? Number, string? Problem);

/// <summary>
/// 备案状态查询 of a 服务商 (its domains) or 应用市场 (its package names), in bulk: a list in, one status per line out,
/// in the order given, so that it can stop serving what is not filed.
/// </summary>
public sealed class FilingStatusLookup(FiledSiteLookup sites, FiledAppLookup apps)
{
    public const int MaxItems = 1000;

    public static string IdentifierName(ReporterRole role) => role == ReporterRole.ServiceProvider ? "域名" : "包名";

    public async Task<IReadOnlyList<FilingStatusItem>> LookUpAsync(ReporterRole role, IEnumerable<string> identifiers, CancellationToken cancellationToken = default)
    {
        var items = identifiers.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxItems).ToList();
        return role == ReporterRole.ServiceProvider ? await DomainsAsync(items, cancellationToken) : await PackagesAsync(items, cancellationToken);
    }

    private async Task<IReadOnlyList<FilingStatusItem>> DomainsAsync(List<string> items, CancellationToken cancellationToken)
    {
        var parsed = items.Select(i => (Text: i, Domain: DomainName.TryParse(i, out var d) ? d : null)).ToList();
        var filed = await sites.ByDomainAsync(parsed.Where(p => p.Domain != null).Select(p => p.Domain!).ToList(), withContent: false, cancellationToken);
        return parsed.Select(p => p.Domain == null
            ? new FilingStatusItem(p.Text, false, null, "不是有效的域名，请只填写域名，不要包含 http:// 或路径")
            : filed.TryGetValue(p.Domain.Ascii, out var site) ? new FilingStatusItem(p.Text, true, site.NumberDisplay, null)
            : new FilingStatusItem(p.Text, false, null, null)).ToList();
    }

    private async Task<IReadOnlyList<FilingStatusItem>> PackagesAsync(List<string> items, CancellationToken cancellationToken)
    {
        var valid = items.Where(i => AppIdentifiers.IsPackageName(i) || AppIdentifiers.IsBundleId(i)).ToList();
        var filed = await apps.ByPackageAsync(valid, cancellationToken);
        return items.Select(i => !valid.Contains(i)
            ? new FilingStatusItem(i, false, null, "不是有效的包名")
            : filed.TryGetValue(i, out var app) ? new FilingStatusItem(i, true, app.NumberDisplay, null)
            : new FilingStatusItem(i, false, null, null)).ToList();
    }
}
