using Beian.Core.Applications;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Inspections;

/// <summary>What a reviewer asks for with 【要求面审】 / 【要求实地检查】.</summary>
public sealed record InspectionRequest(InspectionKind Kind, DateTime ScheduledAtUtc, string Place, string Materials)
{
    public const int MaxPlaceLength = 200;
    public const int MaxMaterialsLength = 500;
    public static readonly TimeSpan LatestAhead = TimeSpan.FromDays(60);

    /// <summary>The field errors of a request (property name → Chinese message); empty when it can be sent.</summary>
    public IReadOnlyDictionary<string, string> Problems(DateTime nowUtc)
    {
        var problems = new Dictionary<string, string>();
        if (ScheduledAtUtc <= nowUtc) problems[nameof(ScheduledAtUtc)] = "时间须晚于当前时间";
        else if (ScheduledAtUtc > nowUtc + LatestAhead) problems[nameof(ScheduledAtUtc)] = "时间须在60天以内";
        if (string.IsNullOrWhiteSpace(Place)) problems[nameof(Place)] = Kind == InspectionKind.Interview ? "请填写面审地点" : "请填写检查地点";
        else if (Place.Length > MaxPlaceLength) problems[nameof(Place)] = $"地点不能超过{MaxPlaceLength}个字";
        if (Kind == InspectionKind.Interview && string.IsNullOrWhiteSpace(Materials)) problems[nameof(Materials)] = "请填写需携带的材料";
        else if (Materials.Length > MaxMaterialsLength) problems[nameof(Materials)] = $"材料说明不能超过{MaxMaterialsLength}个字";
        return problems;
    }

    /// <summary>The sentence the applicant receives: when, where, what to bring or prepare.</summary>
    public string Arrangement() => Kind == InspectionKind.Interview
        ? $"请于{BeijingTime.Format(ScheduledAtUtc)}到{Place.Trim()}，携带{Materials.Trim().TrimEnd('。')}，进行材料完整性检验。"
        : $"公安机关将于{BeijingTime.Format(ScheduledAtUtc)}到{Place.Trim()}进行实地检查，请做好准备" +
          (string.IsNullOrWhiteSpace(Materials) ? "" : $"并备齐{Materials.Trim().TrimEnd('。')}") + "，配合民警开展安全检查。";
}

/// <summary>The inspections of an application (read only, so that a business's approval rule can ask).</summary>
public sealed class InspectionRecords(BeianDbContext db)
{
    public Task<List<Inspection>> ForApplicationAsync(Guid applicationId, CancellationToken cancellationToken = default) =>
        db.Set<Inspection>().AsNoTracking().Where(i => i.ApplicationId == applicationId).OrderBy(i => i.RequestedAt).ToListAsync(cancellationToken);

    /// <summary>True when the latest inspection of the application was recorded as 合格.</summary>
    public async Task<bool> HasPassedAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        var latest = await db.Set<Inspection>().AsNoTracking().Where(i => i.ApplicationId == applicationId)
            .OrderByDescending(i => i.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        return latest?.Result == InspectionResult.Passed;
    }
}

/// <summary>
/// 面审 and 实地检查: the reviewer asks for one (the application waits as 待面审/检查 and the
/// applicant gets an SMS with the time and place), then records its result, then decides.
/// </summary>
public sealed class InspectionService(BeianDbContext db, ApplicationService applications, ApplicationNotices notices, TimeProvider clock)
{
    public Task<DecisionResult> RequestAsync(Guid applicationId, string reviewerUserId, InspectionRequest request, CancellationToken cancellationToken = default) =>
        applications.ChangeAsync(applicationId, async application =>
        {
            var now = Now;
            if (request.Problems(now).Values.FirstOrDefault() is { } problem) throw new IllegalTransitionException(problem);
            application.RequestInspection(reviewerUserId, $"{request.Kind.Label()}：{request.Arrangement()}", now);
            db.Add(new Inspection
            {
                Id = Guid.CreateVersion7(),
                ApplicationId = application.Id,
                Kind = request.Kind,
                ScheduledAt = request.ScheduledAtUtc,
                Place = request.Place.Trim(),
                Materials = request.Materials.Trim(),
                RequestedByUserId = reviewerUserId,
                RequestedAt = now,
            });
            await notices.InspectionRequestedAsync(application, request.Kind.Label(), request.Arrangement(), cancellationToken);
        }, cancellationToken);

    public Task<DecisionResult> RecordAsync(Guid applicationId, string reviewerUserId, InspectionResult result, string note,
        CancellationToken cancellationToken = default) =>
        applications.ChangeAsync(applicationId, async application =>
        {
            var inspection = await db.Set<Inspection>().Where(i => i.ApplicationId == applicationId && i.Result == null)
                .OrderByDescending(i => i.RequestedAt).FirstOrDefaultAsync(cancellationToken)
                ?? throw new IllegalTransitionException("该申请没有待记录结果的面审/检查");
            inspection.Record(result, note.Trim(), reviewerUserId, Now);
            var summary = $"{inspection.Kind.Label()}结果：{result.Label()}" + (string.IsNullOrWhiteSpace(note) ? "" : $"。{note.Trim()}");
            application.RecordInspection(reviewerUserId, summary, Now);
        }, cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
