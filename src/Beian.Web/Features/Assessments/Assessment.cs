using Beian.Core.Assessments;
using Beian.Core.Calendar;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Filing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Assessments;

/// <summary>
/// One 安全评估 of a subject's filed businesses: started by its filer, or required by the police with a
/// deadline (待评估) and then answered. Its content (an <see cref="AssessmentForm"/>, with the officer's
/// phone and email) is stored encrypted once submitted; beside it stand what lists, statistics and the
/// deadline watch need. Its status changes only through the named transitions below, which follow
/// <see cref="AssessmentStateMachine"/> and record who, when, from, to and why.
/// </summary>
public class Assessment : IVersioned, IRecordsTransitions
{
    public const string Type = "Assessment";

    private readonly PendingTransitions _pending = new();

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public string OwnerUserId { get; private set; } = string.Empty;
    public string JurisdictionUnitCode { get; set; } = string.Empty;
    public AssessmentStatus Status { get; private set; }
    /// <summary>What it covers as lists show it ("甬上茶事网站、甬上茶事APP 1.4.2").</summary>
    public string Title { get; private set; } = string.Empty;
    /// <summary>The cases ticked, by name, comma-separated (statistics count them).</summary>
    public string Triggers { get; private set; } = string.Empty;
    public AssessmentMethod? Method { get; private set; }
    public string? DataCipher { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public int Version { get; set; }

    /// <summary>The police's requirement (要求安全评估), when there is one.</summary>
    public string? RequiredByUserId { get; private set; }
    public string? RequiredReason { get; private set; }
    public AssessmentTrigger? RequiredTrigger { get; private set; }
    /// <summary>The business the police named: its record type and id.</summary>
    public string? RequiredRecordType { get; private set; }
    public Guid? RequiredRecordId { get; private set; }
    public DateOnly? DueOn { get; private set; }
    /// <summary>The period the police gave, in working days from the requirement's Beijing date: what <see cref="DueOn"/> is reckoned from.</summary>
    public int? DueWorkingDays { get; private set; }

    public List<AssessmentTarget> Targets { get; private set; } = [];

    public bool RequiredByPolice => RequiredByUserId != null;

    /// <summary>A requirement not answered by its deadline.</summary>
    public bool IsOverdue(DateOnly today) => Status == AssessmentStatus.Required && DueOn < today;

    /// <summary>要求安全评估: waits as 待评估 until the filer submits it, by <paramref name="dueOn"/>.</summary>
    public static Assessment Require(Guid subjectId, string ownerUserId, string unitCode, BusinessRecord record, AssessmentTrigger trigger,
        string reason, int workingDays, WorkingDayCalculator calculator, RecordStep step)
    {
        var assessment = Open(subjectId, ownerUserId, unitCode, AssessmentStatus.Required, step);
        assessment.RequiredByUserId = step.ActorUserId;
        assessment.RequiredReason = reason;
        assessment.RequiredTrigger = trigger;
        assessment.RequiredRecordType = record.RecordType;
        assessment.RequiredRecordId = record.Id;
        assessment.DueWorkingDays = workingDays;
        assessment.DueOn = calculator.AddWorkingDays(BeijingTime.DateOf(step.At), workingDays);
        assessment.Title = record.Name;
        return assessment;
    }

    /// <summary>The requirement's 完成期限 as <paramref name="calculator"/> knows it (预计 while its year's holidays are unknown).</summary>
    public DueDate? Due(WorkingDayCalculator calculator) =>
        DueOn is { } on ? calculator.Known(BeijingTime.DateOf(CreatedAt), on) : null;

    /// <summary>Reckons a 待评估's 完成期限 again with a newer calendar; true when it moved.</summary>
    public bool Reckon(WorkingDayCalculator calculator)
    {
        if (Status != AssessmentStatus.Required || DueWorkingDays is not { } days) return false;
        var dueOn = calculator.AddWorkingDays(BeijingTime.DateOf(CreatedAt), days);
        if (dueOn == DueOn) return false;
        DueOn = dueOn;
        return true;
    }

    /// <summary>发起安全评估 of the filer's own: 待审核 at once.</summary>
    public static Assessment Start(Guid subjectId, string ownerUserId, string unitCode, RecordStep step) =>
        Open(subjectId, ownerUserId, unitCode, AssessmentStatus.Pending, step);

    /// <summary>The filer's content, as submitted (first time, or corrected), with the businesses it picks.</summary>
    public void Fill(AssessmentForm form, string dataCipher)
    {
        Title = form.TargetsText;
        Triggers = string.Join(",", form.Triggers.Distinct());
        Method = form.Method;
        DataCipher = dataCipher;
        Targets.Clear();
        Targets.AddRange(form.Picked.Select(t => new AssessmentTarget
        {
            AssessmentId = Id, RecordType = t.RecordType, RecordId = t.RecordId, Name = t.Name, VersionNumber = t.VersionNumber,
        }));
    }

    /// <summary>A requirement answered.</summary>
    public void Submit(RecordStep step)
    {
        Move(AssessmentEvent.Submitted, nameof(Submit), step);
        SubmittedAt = step.At;
    }

    public void Return(RecordStep step) => Move(AssessmentEvent.Returned, nameof(Return), step);

    public void Resubmit(RecordStep step) => Move(AssessmentEvent.Resubmitted, nameof(Resubmit), step);

    public void Approve(RecordStep step)
    {
        Move(AssessmentEvent.Approved, nameof(Approve), step);
        DecidedAt = step.At;
    }

    /// <summary>撤销申请: a requirement waits again as 待评估, one of the filer's own is withdrawn.</summary>
    public void Revoke(RecordStep step) => Move(AssessmentEvent.Revoked, nameof(Revoke), step);

    /// <summary>接收主体: the assessment belongs to the receiver of its subject.</summary>
    public void TransferTo(string ownerUserId, RecordStep step)
    {
        if (ownerUserId == OwnerUserId) return;
        OwnerUserId = ownerUserId;
        _pending.Add(Type, Id, nameof(TransferTo), Status.ToString(), Status.ToString(), step);
    }

    public IReadOnlyList<RecordTransition> TakeNewTransitions() => _pending.Take();

    private static Assessment Open(Guid subjectId, string ownerUserId, string unitCode, AssessmentStatus status, RecordStep step)
    {
        var assessment = new Assessment
        {
            Id = Guid.CreateVersion7(), SubjectId = subjectId, OwnerUserId = ownerUserId, JurisdictionUnitCode = unitCode, Status = status,
            CreatedAt = step.At, SubmittedAt = status == AssessmentStatus.Pending ? step.At : null,
        };
        assessment._pending.Add(Type, assessment.Id, status == AssessmentStatus.Required ? "Require" : "Start", null, status.ToString(), step);
        return assessment;
    }

    private void Move(AssessmentEvent happening, string action, RecordStep step)
    {
        var from = Status;
        Status = AssessmentStateMachine.Apply(from, happening, RequiredByPolice);
        _pending.Add(Type, Id, action, from.ToString(), Status.ToString(), step);
    }
}

/// <summary>One filed business (an APP or 小程序 at one version) an assessment covers.</summary>
public class AssessmentTarget
{
    public Guid AssessmentId { get; set; }
    /// <summary>Website, App, MiniProgram.</summary>
    public string RecordType { get; set; } = string.Empty;
    public Guid RecordId { get; set; }
    public string Name { get; set; } = string.Empty;
    /// <summary>The version assessed (APPs, 小程序), as its 版本信息 line names it.</summary>
    public string? VersionNumber { get; set; }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("Assessments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.OwnerUserId).HasMaxLength(450);
        builder.Property(a => a.JurisdictionUnitCode).HasMaxLength(6);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Title).HasMaxLength(500);
        builder.Property(a => a.Triggers).HasMaxLength(200);
        builder.Property(a => a.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.RequiredByUserId).HasMaxLength(450);
        builder.Property(a => a.RequiredReason).HasMaxLength(AssessmentRequirementRules.MaxReason);
        builder.Property(a => a.RequiredTrigger).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.RequiredRecordType).HasMaxLength(20);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.RequiredByPolice);
        builder.HasMany(a => a.Targets).WithOne().HasForeignKey(t => t.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Targets).AutoInclude();
        builder.HasIndex(a => new { a.SubjectId, a.Status });
        builder.HasIndex(a => new { a.OwnerUserId, a.CreatedAt });
        builder.HasIndex(a => new { a.JurisdictionUnitCode, a.Status, a.DueOn });
        // 安全评估 in its keyset order (AssessmentOversight.Order): a county's by its unit, a wider jurisdiction's by time,
        // one 状态 (or 仅看已超期, of 待评估) by time.
        builder.HasIndex(a => new { a.JurisdictionUnitCode, a.CreatedAt, a.Id });
        builder.HasIndex(a => new { a.CreatedAt, a.Id });
        builder.HasIndex(a => new { a.Status, a.CreatedAt, a.Id });
    }
}

internal sealed class AssessmentTargetConfiguration : IEntityTypeConfiguration<AssessmentTarget>
{
    public void Configure(EntityTypeBuilder<AssessmentTarget> builder)
    {
        builder.ToTable("AssessmentTargets");
        builder.HasKey(t => new { t.AssessmentId, t.RecordId });
        builder.Property(t => t.RecordType).HasMaxLength(20);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.VersionNumber).HasMaxLength(50);
        builder.HasIndex(t => t.RecordId);
    }
}
