namespace Beian.Core.PoliceUnits;

/// <summary>
/// Deterministic placeholder contact phones ("区号-号码") until administrators enter the
/// real ones: the area code of the province's capital and an 8-digit number derived from
/// the unit's code.
/// </summary>
internal static class PoliceUnitPhones
{
    private static readonly Dictionary<string, string> CapitalAreaCodes = new()
    {
        ["11"] = "010", ["12"] = "022", ["13"] = "0311", ["14"] = "0351", ["15"] = "0471",
        ["21"] = "024", ["22"] = "0431", ["23"] = "0451", ["31"] = "021", ["32"] = "025",
        ["33"] = "0571", ["34"] = "0551", ["35"] = "0591", ["36"] = "0791", ["37"] = "0531",
        ["41"] = "0371", ["42"] = "027", ["43"] = "0731", ["44"] = "020", ["45"] = "0771",
        ["46"] = "0898", ["50"] = "023", ["51"] = "028", ["52"] = "0851", ["53"] = "0871",
        ["54"] = "0891", ["61"] = "029", ["62"] = "0931", ["63"] = "0971", ["64"] = "0951",
        ["65"] = "0991",
    };

    public static string For(string unitCode)
    {
        var areaCode = CapitalAreaCodes.GetValueOrDefault(unitCode[..2], "010");
        return $"{areaCode}-{LocalNumber(unitCode)}";
    }

    private static string LocalNumber(string unitCode)
    {
        var seed = long.Parse(unitCode);
        var tail = (seed * 7919 + 1_234_567) % 10_000_000;
        var number = "6" + tail.ToString("D7");
        return number.Distinct().Count() == 1 ? "61234567" : number;
    }
}
