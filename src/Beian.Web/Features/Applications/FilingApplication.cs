using Beian.Core.Applications;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Applications;

/// <summary>
/// 申请: one business action of an applicant (新增主体, 变更主体, 注销主体, 新办网站 …) with what was
/// submitted (an encrypted snapshot), the jurisdiction that reviews it and every transition.
/// Its status changes only through the methods below, which follow
/// <see cref="ApplicationStateMachine"/> and record who, when, from, to and why.
/// </summary>
public class FilingApplication : IVersioned
{
    public Guid Id { get; set; }
    public string Number { get; set; } = string.Empty;
    public string OwnerUserId { get; set; } = string.Empty;
    public BusinessType BusinessType { get; set; }
    public Guid SubjectId { get; set; }
    public Guid? TargetId { get; set; }
    public string Title { get; set; } = string.Empty;
    public ApplicationStatus Status { get; private set; }
    public string SnapshotCipher { get; set; } = string.Empty;
    /// <summary>For a change: the record as it was when the change was submitted, for the diff.</summary>
    public string? PreviousSnapshotCipher { get; set; }
    /// <summary>The pre-check findings (codes, fields, messages; no personal data), as JSON.</summary>
    public string? FindingsJson { get; set; }
    public string? AttachmentCipher { get; set; }
    public string JurisdictionUnitCode { get; private set; } = string.Empty;
    public Guid SubmissionKey { get; set; }
    public DateTime SubmittedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? DecisionNote { get; private set; }
    /// <summary>The reasons of the last 退回, field by field, as JSON (<see cref="ReturnReason"/>).</summary>
    public string? ReturnReasonsJson { get; private set; }
    /// <summary>The reviewer who claimed the application (审核中), or to whom a supervisor assigned it.</summary>
    public string? AssignedReviewerUserId { get; private set; }
    public int Version { get; set; }

    public List<ApplicationTransition> Transitions { get; private set; } = [];

    private ApplicationTransition? _latest;

    /// <summary>
    /// The step just taken on this application (submitted, approved, returned …), as the records it moves
    /// remember it: who, when, and this application as the why.
    /// </summary>
    public Filing.RecordStep LatestStep => _latest is { } step
        ? new Filing.RecordStep(step.ActorUserId, step.At, $"{BusinessType.ApplicationName()}{Number}：{step.Action.Label()}")
        : throw new InvalidOperationException("No step has been taken on this application since it was loaded.");

    public static FilingApplication Submit(string ownerUserId, BusinessType type, Guid subjectId, Guid? targetId, string title,
        string jurisdictionUnitCode, Guid submissionKey, DateTime nowUtc)
    {
        var application = new FilingApplication
        {
            Id = Guid.CreateVersion7(),
            OwnerUserId = ownerUserId,
            BusinessType = type,
            SubjectId = subjectId,
            TargetId = targetId,
            Title = title,
            JurisdictionUnitCode = jurisdictionUnitCode,
            SubmissionKey = submissionKey,
            Status = ApplicationStatus.Pending,
            SubmittedAt = nowUtc,
        };
        application.Number = ApplicationNumbers.For(application.Id, nowUtc);
        application.Record(null, ApplicationStatus.Pending, ApplicationAction.Submit, ownerUserId, null, nowUtc);
        return application;
    }

    public string? RefuseRevoke(DateTime nowUtc) => ApplicationStateMachine.RefuseRevoke(Status, SubmittedAt, nowUtc);

    public void Revoke(string actorUserId, DateTime nowUtc)
    {
        var refusal = RefuseRevoke(nowUtc);
        if (refusal != null) throw new IllegalTransitionException(refusal);
        Move(ApplicationAction.Revoke, actorUserId, null, nowUtc);
    }

    /// <summary>开始审核: the reviewer takes the application; nobody else decides on it meanwhile.</summary>
    public void Claim(string reviewerUserId, DateTime nowUtc)
    {
        if (AssignedReviewerUserId != null && AssignedReviewerUserId != reviewerUserId)
            throw new IllegalTransitionException("该申请已指派给其他民警审核");
        Move(ApplicationAction.Claim, reviewerUserId, null, nowUtc);
        AssignedReviewerUserId = reviewerUserId;
    }

    /// <summary>放弃审核: back to the unit's queue for any of its reviewers.</summary>
    public void Release(string reviewerUserId, DateTime nowUtc)
    {
        EnsureHandledBy(reviewerUserId);
        Move(ApplicationAction.Release, reviewerUserId, null, nowUtc);
        AssignedReviewerUserId = null;
    }

    /// <summary>改派 by a supervisor: to another unit, optionally reserved for one of its reviewers.</summary>
    public void Reassign(string supervisorUserId, string unitCode, string? reviewerUserId, string note, DateTime nowUtc)
    {
        Move(ApplicationAction.Reassign, supervisorUserId, note, nowUtc);
        JurisdictionUnitCode = unitCode;
        AssignedReviewerUserId = reviewerUserId;
    }

    /// <summary>Corrected content placed the subject in another county: its applications follow it there.</summary>
    public void MoveToJurisdiction(string unitCode)
    {
        if (!Status.IsOpen() && Status != ApplicationStatus.Returned)
            throw new IllegalTransitionException($"申请处于“{Status.Label()}”状态，不能变更审核单位");
        JurisdictionUnitCode = unitCode;
    }

    public void RequestInspection(string reviewerUserId, string note, DateTime nowUtc)
    {
        EnsureHandledBy(reviewerUserId);
        Move(ApplicationAction.RequestInspection, reviewerUserId, note, nowUtc);
    }

    public void RecordInspection(string reviewerUserId, string note, DateTime nowUtc)
    {
        EnsureHandledBy(reviewerUserId);
        Move(ApplicationAction.RecordInspection, reviewerUserId, note, nowUtc);
    }

    public void Approve(string reviewerUserId, string? note, DateTime nowUtc)
    {
        EnsureHandledBy(reviewerUserId);
        Move(ApplicationAction.Approve, reviewerUserId, note, nowUtc);
        Decide(reviewerUserId, note, nowUtc);
        ReturnReasonsJson = null;
    }

    public void Return(string reviewerUserId, IReadOnlyList<ReturnReason> reasons, DateTime nowUtc)
    {
        if (reasons.Count == 0) throw new IllegalTransitionException("请填写退回原因");
        EnsureHandledBy(reviewerUserId);
        var summary = ReturnReason.Summary(reasons);
        Move(ApplicationAction.Return, reviewerUserId, summary, nowUtc);
        Decide(reviewerUserId, summary, nowUtc);
        ReturnReasonsJson = System.Text.Json.JsonSerializer.Serialize(reasons);
        AssignedReviewerUserId = null;
    }

    public IReadOnlyList<ReturnReason> ReturnReasons =>
        ReturnReasonsJson == null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<ReturnReason>>(ReturnReasonsJson) ?? [];

    /// <summary>修改后重新提交: the same application goes back to the queue with its corrected content.</summary>
    public void Resubmit(string ownerUserId, DateTime nowUtc)
    {
        Move(ApplicationAction.Resubmit, ownerUserId, null, nowUtc);
        SubmittedAt = nowUtc;
        DecidedAt = null;
        DecidedByUserId = null;
    }

    /// <summary>Once claimed, only the claiming reviewer decides (a supervisor reassigns first).</summary>
    private void EnsureHandledBy(string reviewerUserId)
    {
        if (Status is ApplicationStatus.InReview or ApplicationStatus.Inspecting
            && AssignedReviewerUserId != null && AssignedReviewerUserId != reviewerUserId)
            throw new IllegalTransitionException("该申请正由其他民警审核，不能办理");
    }

    private void Decide(string reviewerUserId, string? note, DateTime nowUtc)
    {
        DecidedAt = nowUtc;
        DecidedByUserId = reviewerUserId;
        DecisionNote = note;
    }

    private void Move(ApplicationAction action, string actorUserId, string? note, DateTime nowUtc)
    {
        var from = Status;
        Status = ApplicationStateMachine.Apply(from, action);
        Record(from, Status, action, actorUserId, note, nowUtc);
    }

    private void Record(ApplicationStatus? from, ApplicationStatus to, ApplicationAction action, string actorUserId, string? note, DateTime nowUtc) =>
        Transitions.Add(_latest = new ApplicationTransition
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = Id,
            From = from,
            To = to,
            Action = action,
            ActorUserId = actorUserId,
            Note = note,
            At = nowUtc,
        });
}

/// <summary>One step in an application's history.</summary>
public class ApplicationTransition
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public ApplicationStatus? From { get; set; }
    public ApplicationStatus To { get; set; }
    public ApplicationAction Action { get; set; }
    public string ActorUserId { get; set; } = string.Empty;
    public string? Note { get; set; }
    public DateTime At { get; set; }
}

public static class ApplicationNumbers
{
    /// <summary>SQ + the Beijing date + 8 characters of the id: readable on the phone, unique by index.</summary>
    public static string For(Guid id, DateTime submittedUtc) =>
        $"SQ{Beian.Core.Time.BeijingTime.DateOf(submittedUtc):yyyyMMdd}{id.ToString("N")[^8..].ToUpperInvariant()}";
}

internal sealed class FilingApplicationConfiguration : IEntityTypeConfiguration<FilingApplication>
{
    public void Configure(EntityTypeBuilder<FilingApplication> builder)
    {
        builder.ToTable("Applications");
        builder.Property(a => a.Number).HasMaxLength(30);
        builder.HasIndex(a => a.Number).IsUnique();
        builder.Property(a => a.OwnerUserId).HasMaxLength(450);
        builder.Property(a => a.BusinessType).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.JurisdictionUnitCode).HasMaxLength(6);
        builder.Property(a => a.DecidedByUserId).HasMaxLength(450);
        builder.Property(a => a.DecisionNote).HasMaxLength(4000);
        builder.Property(a => a.ReturnReasonsJson).HasMaxLength(8000);
        builder.Ignore(a => a.ReturnReasons);
        builder.Ignore(a => a.LatestStep);
        builder.Property(a => a.AssignedReviewerUserId).HasMaxLength(450);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.OwnerUserId, a.SubmissionKey }).IsUnique();
        builder.HasIndex(a => new { a.OwnerUserId, a.SubmittedAt });
        builder.HasIndex(a => new { a.JurisdictionUnitCode, a.Status, a.SubmittedAt });
        builder.HasIndex(a => new { a.JurisdictionUnitCode, a.DecidedAt });
        // 待审核申请 at city, province or ministry scope, in the keyset order of its 排序: the open applications
        // alone (a few per cent of all) by submission, and one status (审核状态 chosen) by submission.
        builder.HasIndex(a => new { a.SubmittedAt, a.Number }, "IX_Applications_Open_SubmittedAt_Number")
            .HasFilter(OpenStatuses.IndexFilter);
        // The same within a city's or province's counties (工作台's 待审核 count, 待审核申请's count and pages): each county's
        // open applications, read from the index alone (the business type is its last column).
        builder.HasIndex(a => new { a.JurisdictionUnitCode, a.SubmittedAt, a.Number, a.BusinessType }, "IX_Applications_Open_Unit")
            .HasFilter(OpenStatuses.IndexFilter);
        // An officer's own (工作台's 我的待办, 待审核申请's 只看我的): the open applications they claimed.
        builder.HasIndex(a => new { a.AssignedReviewerUserId, a.SubmittedAt, a.Number, a.BusinessType }, "IX_Applications_Open_Reviewer")
            .HasFilter(OpenStatuses.IndexFilter);
        builder.HasIndex(a => new { a.Status, a.SubmittedAt, a.Number });
        builder.HasIndex(a => new { a.SubjectId, a.BusinessType, a.Status });
        // A record's applications (an open one refuses another 变更/注销; 安全评估's latest; the files a reviewer may open).
        builder.HasIndex(a => new { a.TargetId, a.SubmittedAt });
        builder.HasMany(a => a.Transitions).WithOne().HasForeignKey(t => t.ApplicationId);
    }
}

internal sealed class ApplicationTransitionConfiguration : IEntityTypeConfiguration<ApplicationTransition>
{
    public void Configure(EntityTypeBuilder<ApplicationTransition> builder)
    {
        // The id is set when the step is recorded: a step found through the application's
        // collection is then inserted, never mistaken for an existing row.
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ActorUserId).HasMaxLength(450);
        builder.Property(t => t.Note).HasMaxLength(4000);
        builder.HasIndex(t => new { t.ApplicationId, t.At });
    }
}

/// <summary>The statuses of an application still with the police, in a form EF Core translates (IN …).</summary>
public static class OpenStatuses
{
    public static readonly ApplicationStatus[] All = [ApplicationStatus.Pending, ApplicationStatus.InReview, ApplicationStatus.Inspecting];

    /// <summary>
    /// The condition of the open applications' index, in the words a query with <see cref="All"/> inlined
    /// (EF.Constant) says it, so that PostgreSQL sees the query's rows are all in the index.
    /// </summary>
    public static readonly string IndexFilter = $"\"Status\" IN ({string.Join(", ", All.Select(s => $"'{s}'"))})";
}

public static class SubmittedApplications
{
    /// <summary>The application a submission key already produced: a retried or double-clicked submission finds it.</summary>
    public static Task<FilingApplication?> BySubmissionKeyAsync(this DbSet<FilingApplication> applications, string ownerUserId, Guid submissionKey,
        CancellationToken cancellationToken = default) =>
        applications.AsNoTracking().FirstOrDefaultAsync(a => a.OwnerUserId == ownerUserId && a.SubmissionKey == submissionKey, cancellationToken);
}
