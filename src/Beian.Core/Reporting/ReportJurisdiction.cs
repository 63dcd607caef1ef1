using Beian.Core.IpGeolocation;
using Beian.Core.PoliceUnits;
using Beian.Core.Websites;

namespace Beian.Core.Reporting;

/// <summary>
/// Which police unit an unfiled entry of a report goes to (SPEC §5, issue 14): the unit of the region the report
/// gives; else of the region its IP lies in (ip2region's table, <see cref="IpLocator"/>); else the reporter's own
/// jurisdiction. A county's own unit where the region is a county; a city or province unit where only that is known.
/// </summary>
public sealed class ReportJurisdiction(PoliceUnitCatalog units, IpLocator locator)
{
    public static ReportJurisdiction Default { get; } = new(PoliceUnitCatalog.Default, IpLocator.Default);

    public string UnitFor(string? reportedRegion, IEnumerable<IpRange> ips, string reporterUnit) =>
        Unit(reportedRegion) ?? ips.Select(ip => Unit(locator.Locate(ip))).FirstOrDefault(unit => unit != null) ?? reporterUnit;

    private string? Unit(string? regionCode) =>
        regionCode == null ? null : units.CountyUnitFor(regionCode)?.Code ?? units.Find(regionCode)?.Code;
}
