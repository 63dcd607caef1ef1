using Beian.Core.PoliceUnits;

namespace Beian.Web.Features.PoliceUnits;

/// <summary>What an officer's unit oversees: the unit itself and every unit below it (SPEC §9).</summary>
public static class PoliceJurisdiction
{
    /// <summary>The unit codes within <paramref name="unitCode"/>; null for the ministry (everything).</summary>
    public static IReadOnlyList<string>? CodesWithin(string unitCode)
    {
        var catalog = PoliceUnitCatalog.Default;
        if (unitCode == PoliceUnitCatalog.MinistryCode) return null;
        return catalog.All.Where(u => catalog.IsWithin(u.Code, unitCode)).Select(u => u.Code).ToList();
    }
}
