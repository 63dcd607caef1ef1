using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Inspections;

/// <summary>
/// 面审 (the applicant brings the materials to the police for a 材料完整性检验) or 实地检查 (the police
/// inspect the site's security on the spot), asked for by the reviewer of an interactive site's
/// application (seed 000 第四步). The result is recorded before the reviewer decides.
/// </summary>
public class Inspection : IVersioned
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public InspectionKind Kind { get; set; }
    public DateTime ScheduledAt { get; set; }
    public string Place { get; set; } = string.Empty;
    public string Materials { get; set; } = string.Empty;
    public string RequestedByUserId { get; set; } = string.Empty;
    public DateTime RequestedAt { get; set; }
    public InspectionResult? Result { get; private set; }
    public string? ResultNote { get; private set; }
    public string? RecordedByUserId { get; private set; }
    public DateTime? RecordedAt { get; private set; }
    public int Version { get; set; }

    public bool IsOpen => Result == null;

    public void Record(InspectionResult result, string note, string reviewerUserId, DateTime nowUtc)
    {
        if (!IsOpen) throw new Core.Applications.IllegalTransitionException("该次面审/检查的结果已记录");
        Result = result;
        ResultNote = note;
        RecordedByUserId = reviewerUserId;
        RecordedAt = nowUtc;
    }
}

public enum InspectionKind
{
    Interview,
    OnSite,
}

public enum InspectionResult
{
    Passed,
    Failed,
}

public static class InspectionLabels
{
    public static string Label(this InspectionKind kind) => kind switch
    {
        InspectionKind.Interview => "面审",
        InspectionKind.OnSite => "实地检查",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Label(this InspectionResult result) => result switch
    {
        InspectionResult.Passed => "合格",
        InspectionResult.Failed => "不合格",
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> builder)
    {
        builder.ToTable("Inspections");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Place).HasMaxLength(200);
        builder.Property(i => i.Materials).HasMaxLength(500);
        builder.Property(i => i.ResultNote).HasMaxLength(500);
        builder.Property(i => i.RequestedByUserId).HasMaxLength(450);
        builder.Property(i => i.RecordedByUserId).HasMaxLength(450);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.ApplicationId, i.RequestedAt });
    }
}
