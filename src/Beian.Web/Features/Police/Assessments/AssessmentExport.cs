using System.Runtime.CompilerServices;
using Beian.Core.Accounts;
using Beian.Core.Assessments;
using Beian.Core.Subjects;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Assessments;
using Beian.Web.Features.Police.Exports;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Police.Assessments;

/// <summary>安全评估 of an officer's jurisdiction as 【导出Excel】 writes them: in the list page's order, its columns.</summary>
public sealed class AssessmentExport(BeianDbContext db, AssessmentOversight oversight) : ListExport<AssessmentFilter>
{
    public const string ListTitle = "安全评估";

    public static readonly IReadOnlyList<string> Headers = ["评估对象", "开办主体", "来源", "评估情形", "评估方法", "状态", "完成期限", "提交时间", "审核单位"];

    public override string Kind => "Assessments";
    public override string Title => ListTitle;
    public override IReadOnlyList<string> Columns => Headers;

    public override Task<long> CountAsync(Officer officer, AssessmentFilter filter, CancellationToken cancellationToken) =>
        oversight.InJurisdiction(officer.UnitCode, filter).LongCountAsync(cancellationToken);

    /// <summary>"已超期" beside the status of a 待评估 past its deadline.</summary>
    public static string StatusText(AssessmentStatus status, DateOnly? dueOn, DateOnly today) =>
        status.Label() + (status == AssessmentStatus.Required && dueOn < today ? "（已超期）" : string.Empty);

    /// <summary>Only the columns the sheet shows (never the encrypted form), with the subject's name joined.</summary>
    public override async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(Officer officer, AssessmentFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var serial = await SerialReads.BeginAsync(db, cancellationToken);
        var today = oversight.Today;
        var units = await db.PoliceUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var rows = AssessmentOversight.Order.Apply(oversight.InJurisdiction(officer.UnitCode, filter).IgnoreAutoIncludes())
            .GroupJoin(db.Subjects, a => a.SubjectId, s => s.Id, (a, subjects) => new { a, subjects })
            .SelectMany(x => x.subjects.DefaultIfEmpty(), (x, s) => new
            {
                x.a.Title, SubjectName = s == null ? null : s.Name, Nature = s == null ? (SubjectNature?)null : s.Nature,
                x.a.RequiredByUserId, x.a.Triggers, x.a.RequiredTrigger, x.a.Method, x.a.Status, x.a.DueOn, x.a.SubmittedAt,
                x.a.JurisdictionUnitCode,
            })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return
            [
                row.Title, row.Nature == SubjectNature.Individual ? Masking.MaskPersonName(row.SubjectName) : row.SubjectName ?? string.Empty,
                row.RequiredByUserId != null ? "公安机关要求" : "自行发起", AssessmentList.CaseOf(row.Triggers, row.RequiredTrigger),
                row.Method?.Label(), StatusText(row.Status, row.DueOn, today), row.DueOn,
                row.SubmittedAt is { } submitted ? BeijingTime.FromUtc(submitted) : null,
                units.GetValueOrDefault(row.JurisdictionUnitCode) ?? row.JurisdictionUnitCode,
            ];
        }
    }
}
