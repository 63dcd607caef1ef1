using Beian.Core.Applications;
using Beian.Core.PoliceUnits;
using Beian.Core.Time;

namespace Beian.Core.Statistics;

/// <summary>Whose applications a kept count holds: those a unit receives itself, or those of every unit below it.</summary>
public enum CountScope
{
    Own,
    Below,
}

/// <summary>
/// One kept count of 统计分析: the applications of <see cref="UnitCode"/> (its own, or everything below it) submitted on a
/// Beijing day, of one 业务类型, now in one status, and for 已通过/已退回 decided on a Beijing day.
/// An application counts once as its unit's own and once below each supervising unit up to the ministry, so that an
/// officer's view reads only its direct subordinates' rows and its own, and its whole jurisdiction's (its own and below
/// it) for the figures not split by unit.
/// </summary>
public readonly record struct ReviewCountKey(
    string UnitCode, CountScope Scope, DateOnly SubmittedOn, BusinessType BusinessType, ApplicationStatus Status, DateOnly DecidedOn)
{
    /// <summary>The <see cref="DecidedOn"/> of an application not decided (open, or withdrawn): before every period.</summary>
    public static readonly DateOnly NotDecided = DateOnly.MinValue;

    /// <summary>The statuses whose decision the review times count.</summary>
    public static bool IsDecided(ApplicationStatus status) => status is ApplicationStatus.Approved or ApplicationStatus.Returned;

    /// <summary>
    /// The counts one application is in. 新增主体 is in none (it is reviewed with its first business); a unit the catalog
    /// does not know counts as the ministry's own, as the ministry's view has always shown it.
    /// </summary>
    public static IEnumerable<ReviewCountKey> Of(string unitCode, DateTime submittedUtc, BusinessType type, ApplicationStatus status,
        DateTime? decidedUtc, PoliceUnitCatalog catalog)
    {
        if (type == BusinessType.NewSubject) yield break;
        var submittedOn = BeijingTime.DateOf(submittedUtc);
        var decidedOn = IsDecided(status) && decidedUtc is { } decided ? BeijingTime.DateOf(decided) : NotDecided;
        var unit = catalog.Find(unitCode);
        yield return new ReviewCountKey(unit?.Code ?? PoliceUnitCatalog.MinistryCode, CountScope.Own, submittedOn, type, status, decidedOn);
        if (unit == null) yield break;
        foreach (var ancestor in catalog.AncestorsOf(unit.Code))
            yield return new ReviewCountKey(ancestor.Code, CountScope.Below, submittedOn, type, status, decidedOn);
    }
}
