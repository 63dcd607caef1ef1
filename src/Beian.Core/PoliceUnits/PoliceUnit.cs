namespace Beian.Core.PoliceUnits;

public enum PoliceUnitLevel
{
    Ministry,
    Province,
    City,
    County,
}

/// <summary>
/// A 公安机关网安部门. <see cref="Code"/> is the region code of its jurisdiction
/// ("000000" for the ministry); <see cref="ParentCode"/> is the supervising unit.
/// </summary>
public sealed record PoliceUnit(
    string Code,
    string Name,
    PoliceUnitLevel Level,
    string? ParentCode,
    string ContactPhone,
    int ReviewLimitWorkingDays = PoliceUnitCatalog.DefaultReviewLimitWorkingDays);
