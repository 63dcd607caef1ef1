using Beian.Core.Applications;
using Beian.Core.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Police.Statistics;

/// <summary>The columns of a <see cref="ReviewCountKey"/>, shared by the kept counts and their changes.</summary>
public abstract class ReviewCountColumns
{
    public string UnitCode { get; set; } = string.Empty;
    public CountScope Scope { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public BusinessType BusinessType { get; set; }
    public ApplicationStatus Status { get; set; }
    public DateOnly DecidedOn { get; set; }

    protected void SetKey(ReviewCountKey key) =>
        (UnitCode, Scope, SubmittedOn, BusinessType, Status, DecidedOn) =
        (key.UnitCode, key.Scope, key.SubmittedOn, key.BusinessType, key.Status, key.DecidedOn);
}

/// <summary>
/// A kept count of 统计分析 (<see cref="ReviewCountKey"/>), as folded from <see cref="ReviewCountChange"/>s by
/// <see cref="ReviewCountsFold"/>; the counts now are these plus the changes not folded yet.
/// </summary>
public class ReviewCount : ReviewCountColumns
{
    public int Count { get; set; }
}

/// <summary>
/// What one save did to a kept count: appended (never updated) in the save's transaction, so that concurrent decisions
/// neither wait for each other on a shared count nor race to create it.
/// </summary>
public class ReviewCountChange : ReviewCountColumns
{
    public Guid Id { get; set; }
    public int Delta { get; set; }

    public static ReviewCountChange For(ReviewCountKey key, int delta)
    {
        var change = new ReviewCountChange { Id = Guid.CreateVersion7(), Delta = delta };
        change.SetKey(key);
        return change;
    }
}

/// <summary>
/// Present once the kept counts hold every application (the backfill wrote them from the applications); until then the
/// statistics are recounted from the applications.
/// </summary>
public class ReviewCountsReady
{
    public const int OnlyId = 1;

    public int Id { get; set; } = OnlyId;
    public DateTime BuiltAt { get; set; }
}

internal static class ReviewCountColumnsConfiguration
{
    public static void ConfigureColumns<T>(this EntityTypeBuilder<T> builder) where T : ReviewCountColumns
    {
        builder.Property(c => c.UnitCode).HasMaxLength(6);
        builder.Property(c => c.Scope).HasConversion<string>().HasMaxLength(5);
        builder.Property(c => c.BusinessType).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class ReviewCountConfiguration : IEntityTypeConfiguration<ReviewCount>
{
    public void Configure(EntityTypeBuilder<ReviewCount> builder)
    {
        builder.ToTable("ReviewCounts");
        builder.ConfigureColumns();
        // A unit's rows of a period in submission order; the fold's upsert finds its row by the whole key.
        builder.HasKey(c => new { c.UnitCode, c.SubmittedOn, c.BusinessType, c.Status, c.DecidedOn, c.Scope });
        // A unit's decisions of a period (DecidedOn of the undecided is before every period).
        builder.HasIndex(c => new { c.UnitCode, c.DecidedOn });
    }
}

internal sealed class ReviewCountChangeConfiguration : IEntityTypeConfiguration<ReviewCountChange>
{
    public void Configure(EntityTypeBuilder<ReviewCountChange> builder)
    {
        builder.ToTable("ReviewCountChanges");
        builder.ConfigureColumns();
        builder.Property(c => c.Id).ValueGeneratedNever();
    }
}

internal sealed class ReviewCountsReadyConfiguration : IEntityTypeConfiguration<ReviewCountsReady>
{
    public void Configure(EntityTypeBuilder<ReviewCountsReady> builder)
    {
        builder.ToTable("ReviewCountsReady");
        builder.Property(r => r.Id).ValueGeneratedNever();
    }
}
