using Beian.Core.Accounts;
using Beian.Core.Assessments;
using Beian.Core.Numbering;
using Beian.Core.Subjects;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Police.Statistics;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Assessments;

/// <summary>What the police list: by status, case and method, only those past their deadline, or all.</summary>
public sealed record AssessmentFilter(AssessmentStatus? Status = null, AssessmentTrigger? Trigger = null, AssessmentMethod? Method = null,
    bool OverdueOnly = false);

/// <summary>One assessment as the police list shows it: its subject (an individual's name masked), unit and latest application.</summary>
public sealed record AssessmentRow(Assessment Assessment, string SubjectName, string UnitName, Guid? ApplicationId);

/// <summary>A filed business found by its 公安备案号 for 要求安全评估.</summary>
public sealed record FiledBusiness(IBusiness Business, BusinessRecord Record);

/// <summary>
/// 安全评估 as the police see them: the jurisdiction's assessments filtered and paged, a filed business found by
/// its number, whether it already has an open requirement, and the counts 统计分析 shows.
/// </summary>
public sealed class AssessmentOversight(BeianDbContext db, IEnumerable<IBusinessFiling> filings, TimeProvider clock) : IStatisticsSection
{
    public DateOnly Today => BeijingTime.DateOf(clock.GetUtcNow());

    public IQueryable<Assessment> InJurisdiction(string officerUnitCode, AssessmentFilter filter)
    {
        var query = db.Set<Assessment>().AsNoTracking().WithinUnit(officerUnitCode, a => a.JurisdictionUnitCode);
        if (filter.Status is { } status) query = query.Where(a => a.Status == status);
        if (filter.Method is { } method) query = query.Where(a => a.Method == method);
        if (filter.Trigger is { } trigger) query = WithTrigger(query, trigger);
        if (filter.OverdueOnly)
        {
            var today = Today;
            query = query.Where(a => a.Status == AssessmentStatus.Required && a.DueOn < today);
        }
        return query;
    }

    /// <summary>Newest first; the id breaks a tie.</summary>
    public static readonly KeysetOrder<Assessment> Order =
        KeysetOrder<Assessment>.By(a => a.CreatedAt, descending: true).ThenBy(a => a.Id, descending: true);

    /// <summary>The page of <paramref name="query"/> at <paramref name="cursor"/> in <see cref="Order"/>, with subject, unit and the latest application of each.</summary>
    public async Task<KeysetPage<AssessmentRow>> PageAsync(IQueryable<Assessment> query, string? cursor, int size, CancellationToken cancellationToken)
    {
        var keyset = await query.PageAsync(Order, cursor, size, cancellationToken);
        var page = keyset.Rows;
        var subjectIds = page.Select(a => a.SubjectId).Distinct().ToList();
        var subjects = await db.Subjects.AsNoTracking().Where(s => subjectIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Nature == SubjectNature.Individual ? Masking.MaskPersonName(s.Name) : s.Name, cancellationToken);
        var codes = page.Select(a => a.JurisdictionUnitCode).Distinct().ToList();
        var units = await db.PoliceUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var ids = page.Select(a => a.Id).ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => a.TargetId != null && ids.Contains(a.TargetId.Value))
            .Select(a => new { a.TargetId, a.Id, a.SubmittedAt }).ToListAsync(cancellationToken);
        var latest = applications.GroupBy(a => a.TargetId!.Value).ToDictionary(g => g.Key, g => g.MaxBy(a => a.SubmittedAt)!.Id);
        var rows = page.Select(a => new AssessmentRow(a, subjects.GetValueOrDefault(a.SubjectId) ?? string.Empty,
            units.GetValueOrDefault(a.JurisdictionUnitCode) ?? a.JurisdictionUnitCode, latest.TryGetValue(a.Id, out var id) ? id : null)).ToList();
        return new KeysetPage<AssessmentRow>(rows, keyset.Previous, keyset.Next);
    }

    /// <summary>The website, APP or 小程序 whose 公安备案号 in force is <paramref name="typed"/>, or null.</summary>
    public async Task<FiledBusiness?> FiledByNumberAsync(string? typed, CancellationToken cancellationToken)
    {
        if (!PublicSecurityNumber.TryParse(typed, out var number, out _)) return null;
        foreach (var filing in filings)
            if (await filing.InForceByNumberAsync(number.Digits, cancellationToken) is { } record)
                return new FiledBusiness(filing.Business, record);
        return null;
    }

    /// <summary>A requirement of this business the filer has not yet seen through (待评估, 待审核 or 已退回).</summary>
    public Task<bool> HasOpenRequirementAsync(Guid recordId, CancellationToken cancellationToken)
    {
        var done = AssessmentStatuses.History.ToArray();
        return db.Set<Assessment>().AnyAsync(a => a.RequiredRecordId == recordId && !done.Contains(a.Status), cancellationToken);
    }

    /// <summary>统计分析: the jurisdiction's assessments started or required in the period, by status, case and method.</summary>
    public async Task<IReadOnlyList<StatisticsTable>> TablesAsync(string officerUnitCode, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var (from, to) = (filter.FromUtc, filter.ToUtcExclusive);
        var period = InJurisdiction(officerUnitCode, new AssessmentFilter()).Where(a => a.CreatedAt >= from && a.CreatedAt < to);
        var byStatus = await period.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byMethod = await period.Where(a => a.Method != null).GroupBy(a => a.Method!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byTrigger = new List<IReadOnlyList<object?>>();
        foreach (var trigger in AssessmentTriggers.All)
            byTrigger.Add([trigger.Label(), await WithTrigger(period, trigger).CountAsync(cancellationToken)]);
        var overdue = await InJurisdiction(officerUnitCode, new AssessmentFilter(OverdueOnly: true)).CountAsync(cancellationToken);
        var chart = new ChartSpec("bar", [new ChartSeries(1, StatisticsTables.Navy)], Horizontal: true);
        return
        [
            new("assessments-by-status", "安全评估按状态", ["状态", "安全评估数"],
                AssessmentStatuses.All.Select(s => (IReadOnlyList<object?>)[s.Label(), byStatus.GetValueOrDefault(s)]).ToList(), chart,
                $"按发起或要求日期统计；当前已超期的待评估（不限日期）：{overdue}件。"),
            new("assessments-by-trigger", "安全评估按评估情形", ["评估情形", "安全评估数"], byTrigger, chart,
                "一项评估可涉及多种情形；尚未提交的待评估按公安机关要求的情形统计。"),
            new("assessments-by-method", "安全评估按评估方法", ["评估方法", "安全评估数"],
                AssessmentMethods.All.Select(m => (IReadOnlyList<object?>)[m.Label(), byMethod.GetValueOrDefault(m)]).ToList(), chart),
        ];
    }

    /// <summary>Assessments of a case: ticked on the form, or named by the police on one not yet submitted.</summary>
    private static IQueryable<Assessment> WithTrigger(IQueryable<Assessment> query, AssessmentTrigger trigger)
    {
        var name = trigger.ToString();
        return query.Where(a => a.Triggers.Contains(name) || (a.Triggers == "" && a.RequiredTrigger == trigger));
    }
}
