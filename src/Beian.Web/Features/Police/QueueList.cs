using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Beian.Core.Applications;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Police.Exports;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police;

/// <summary>排序 of 待审核申请: oldest first (what is due soonest), newest first, or by 业务类型.</summary>
public enum QueueOrder
{
    Oldest,
    Newest,
    Type,
}

/// <summary>The filters of 待审核申请; dates are Beijing dates, both inclusive, ignored when From is after To.</summary>
public sealed record QueueFilter(BusinessType? Type = null, ApplicationStatus? Status = null, bool OverdueOnly = false, bool Mine = false,
    DateOnly? From = null, DateOnly? To = null, QueueOrder Sort = QueueOrder.Oldest)
{
    [JsonIgnore]
    public bool DatesReversed => From > To;
}

/// <summary>
/// 待审核申请 of an officer's jurisdiction (a county's own; a city, province or the ministry sees every
/// unit below it) under its filters, in the order of its 排序 (<see cref="OrderOf"/>), for the page and for
/// 【导出Excel】. A subject is reviewed together with its first business, so 新增主体 is not listed on its own.
/// </summary>
public sealed class QueueList(BeianDbContext db, ReviewDeadlines deadlines, Officers officers) : ListExport<QueueFilter>
{
    public const string ListTitle = "待审核申请";

    public static readonly IReadOnlyList<string> Headers = ["申请编号", "业务类型", "名称", "开办主体", "审核单位", "提交时间", "办理期限", "审核状态", "审核民警"];

    public override string Kind => "Queue";
    public override string Title => ListTitle;
    public override IReadOnlyList<string> Columns => Headers;

    public async Task<IQueryable<FilingApplication>> QueryAsync(Officer officer, QueueFilter filter, CancellationToken cancellationToken)
    {
        var scope = PoliceJurisdiction.CodesWithin(officer.UnitCode);
        var query = db.Applications.AsNoTracking().Where(a => a.BusinessType != BusinessType.NewSubject);
        if (scope != null) query = query.Where(a => scope.Contains(a.JurisdictionUnitCode));
        if (filter.Type is { } type) query = query.Where(a => a.BusinessType == type);
        query = filter.Status is { } status
            ? query.Where(a => a.Status == status)
            // Inlined, not a parameter: the open applications' partial index is then provably the query's.
            : query.Where(a => EF.Constant(OpenStatuses.All).Contains(a.Status));
        if (filter.OverdueOnly) query = query.Where(await deadlines.OverdueFilterAsync(scope, cancellationToken));
        if (filter.Mine) query = query.Where(a => a.AssignedReviewerUserId == officer.UserId);
        if (!filter.DatesReversed)
        {
            if (filter.From is { } from) { var start = BeijingTime.StartOfDayUtc(from); query = query.Where(a => a.SubmittedAt >= start); }
            if (filter.To is { } to) { var end = BeijingTime.StartOfDayUtc(to.AddDays(1)); query = query.Where(a => a.SubmittedAt < end); }
        }
        return query;
    }

    /// <summary>The list's order under its 排序; the application number, unique, breaks ties.</summary>
    public static KeysetOrder<FilingApplication> OrderOf(QueueOrder sort) => sort switch
    {
        QueueOrder.Newest => NewestFirst,
        QueueOrder.Type => ByType,
        _ => OldestFirst,
    };

    private static readonly KeysetOrder<FilingApplication> OldestFirst =
        KeysetOrder<FilingApplication>.By(a => a.SubmittedAt).ThenBy(a => a.Number);

    private static readonly KeysetOrder<FilingApplication> NewestFirst =
        KeysetOrder<FilingApplication>.By(a => a.SubmittedAt, descending: true).ThenBy(a => a.Number, descending: true);

    private static readonly KeysetOrder<FilingApplication> ByType =
        KeysetOrder<FilingApplication>.By(KeysetRank.Of<FilingApplication, BusinessType>(a => a.BusinessType)).ThenBy(a => a.SubmittedAt).ThenBy(a => a.Number);

    public override async Task<long> CountAsync(Officer officer, QueueFilter filter, CancellationToken cancellationToken) =>
        await (await QueryAsync(officer, filter, cancellationToken)).LongCountAsync(cancellationToken);

    /// <summary>Only the columns the sheet shows, with the subject's name joined; units and reviewers are few and read first.</summary>
    public override async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(Officer officer, QueueFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var serial = await SerialReads.BeginAsync(db, cancellationToken);
        var query = OrderOf(filter.Sort).Apply(await QueryAsync(officer, filter, cancellationToken));
        var units = await db.PoliceUnits.AsNoTracking()
            .ToDictionaryAsync(u => u.Code, u => (u.Name, u.ReviewLimitWorkingDays), cancellationToken);
        var reviewers = await officers.AllNamesAsync(cancellationToken);
        var rows = query
            .GroupJoin(db.Subjects, a => a.SubjectId, s => s.Id, (a, subjects) => new { a, subjects })
            .SelectMany(x => x.subjects.DefaultIfEmpty(), (x, s) => new
            {
                x.a.Number, x.a.BusinessType, x.a.Title, SubjectName = s == null ? null : s.Name, x.a.JurisdictionUnitCode,
                x.a.SubmittedAt, x.a.Status, x.a.AssignedReviewerUserId,
            })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var (unitName, limit) = units.TryGetValue(row.JurisdictionUnitCode, out var unit) ? unit : (row.JurisdictionUnitCode, ReviewDeadlines.DefaultLimit);
            var deadline = deadlines.For(row.SubmittedAt, row.Status, limit);
            yield return
            [
                row.Number, row.BusinessType.Label(), row.Title, row.SubjectName ?? string.Empty, unitName,
                BeijingTime.FromUtc(row.SubmittedAt), deadline.ToString(), row.Status.Label(),
                row.AssignedReviewerUserId is { } id ? reviewers.GetValueOrDefault(id, string.Empty) : string.Empty,
            ];
        }
    }
}
