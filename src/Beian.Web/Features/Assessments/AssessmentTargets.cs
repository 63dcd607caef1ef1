using Beian.Core.Assessments;
using Beian.Web.Features.Filing;

namespace Beian.Web.Features.Assessments;

/// <summary>A filed business an assessment may cover, with the versions of an APP or 小程序 (newest last).</summary>
public sealed record OfferedTarget(IBusiness Business, BusinessRecord Record, IReadOnlyList<string> Versions)
{
    public string Label => $"{Business.Noun} · {Record.Name}（{Record.NumberDisplay}）";
}

/// <summary>
/// What 发起安全评估 may pick: the filed websites, APPs and 小程序 of the subject, asked of each business's
/// filing; and a posted form brought back to them (picks of anything else counted, never kept).
/// </summary>
public sealed class AssessmentTargets(IEnumerable<IBusinessFiling> filings)
{
    public async Task<IReadOnlyList<OfferedTarget>> OfferedAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        var offered = new List<OfferedTarget>();
        foreach (var filing in filings)
            foreach (var record in await filing.FiledOfSubjectAsync(subjectId, cancellationToken))
                offered.Add(new OfferedTarget(filing.Business, record, VersionsOf(filing, record)));
        return offered;
    }

    /// <summary>
    /// The form's targets as the offered ones, each picked if it was posted picked, at the posted version when it is
    /// one of the record's (else its newest); returns how many posted picks named something not offered.
    /// </summary>
    public static int Normalize(AssessmentForm form, IReadOnlyList<OfferedTarget> offered)
    {
        var posted = form.Picked.ToDictionary(t => t.RecordId, t => t.VersionNumber);
        var foreign = posted.Keys.Count(id => offered.All(o => o.Record.Id != id));
        form.Targets = offered.Select(o => new AssessmentTargetInput
        {
            RecordType = o.Record.RecordType,
            RecordId = o.Record.Id,
            Name = o.Record.Name,
            Picked = posted.ContainsKey(o.Record.Id),
            VersionNumber = o.Versions.Count == 0 ? null
                : posted.GetValueOrDefault(o.Record.Id) is { } version && o.Versions.Contains(version) ? version : o.Versions[^1],
        }).ToList();
        return foreign;
    }

    /// <summary>A business named by the police or a prompt (<c>?record=App:{id}</c>) picked before the form is shown.</summary>
    public static void Pick(AssessmentForm form, Guid recordId)
    {
        foreach (var target in form.Targets.Where(t => t.RecordId == recordId)) target.Picked = true;
    }

    public static AssessmentFacts Facts(AssessmentForm form, int foreignTargets) => new()
    {
        TargetCount = form.Picked.Count(),
        ForeignTargetCount = foreignTargets,
        Triggers = form.Triggers.Distinct().ToList(),
        Method = form.Method,
        Institution = form.Institution,
        OfficerName = form.Officer.Name,
        OfficerTitle = form.Officer.Title,
        OfficerPhone = form.Officer.Phone,
        OfficerEmail = form.Officer.Email,
        Measures = form.Measures.All,
        HasReport = form.ReportFileId != null,
    };

    private static IReadOnlyList<string> VersionsOf(IBusinessFiling filing, BusinessRecord record) =>
        filing.Read(record).BasicInfoSection is IServiceInfo info
            ? info.VersionLines.Where(v => !string.IsNullOrWhiteSpace(v.Number)).Select(v => v.Label).Distinct().ToList()
            : [];
}
