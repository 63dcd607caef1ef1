using Beian.Web.Data;
using Beian.Web.Features.Websites;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Apps;

/// <summary>An APP whose 公安备案号 is in force, as an app store's listing is checked against it.</summary>
public sealed record FiledApp(Guid AppId, string NumberDisplay, string JurisdictionUnitCode);

/// <summary>Which reported package names (Android or HarmonyOS 包名, iOS Bundle ID) belong to a filed APP, for 应用市场业务.</summary>
public sealed class FiledAppLookup(BeianDbContext db)
{
    public async Task<Dictionary<string, FiledApp>> ByPackageAsync(IReadOnlyCollection<string> packages, CancellationToken cancellationToken = default)
    {
        var inForce = FiledSites.NumberInForceStatuses.ToArray();
        var found = new Dictionary<string, FiledApp>(StringComparer.Ordinal);
        foreach (var chunk in packages.Distinct().Chunk(500))
        {
            var rows = await db.Apps.AsNoTracking()
                .Where(a => inForce.Contains(a.Status) && a.NumberDigits != null
                            && (chunk.Contains(a.AndroidPackage) || chunk.Contains(a.IosBundleId) || chunk.Contains(a.HarmonyPackage)))
                .Select(a => new { a.Id, a.NumberDisplay, a.JurisdictionUnitCode, a.AndroidPackage, a.IosBundleId, a.HarmonyPackage })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var app = new FiledApp(row.Id, row.NumberDisplay ?? string.Empty, row.JurisdictionUnitCode);
                foreach (var package in new[] { row.AndroidPackage, row.IosBundleId, row.HarmonyPackage })
                    if (package != null && chunk.Contains(package)) found.TryAdd(package, app);
            }
        }
        return found;
    }
}
