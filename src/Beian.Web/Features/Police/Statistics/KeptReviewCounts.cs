using Beian.Core.Applications;
using Beian.Core.Calendar;
using Beian.Core.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Police.Statistics;

/// <summary>Whose applications a kept count or a change counts: a unit's own, or everything below it.</summary>
public interface IKeptCountKey
{
    string UnitCode { get; }
    CountScope Scope { get; }
}

/// <summary>The columns of a <see cref="ReviewCountKey"/>: what a save did to the counts, before the fold sums it into blocks.</summary>
public abstract class ReviewCountColumns : IKeptCountKey
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
/// The columns of a kept sum of 统计分析 over a block of days (<see cref="DayBlocks"/>): whose applications (a unit's own,
/// or everything below it), the block, and <see cref="Types"/>: one 业务类型 (its name), or below a unit also every type
/// together (<see cref="AllTypes"/>), so that a supervisor's view of all types reads one sum where there would be one per type.
/// </summary>
public abstract class BlockCountColumns : IKeptCountKey
{
    public const string AllTypes = "*";

    public string UnitCode { get; set; } = string.Empty;
    public CountScope Scope { get; set; }
    public int SpanDays { get; set; }
    public DateOnly FirstDay { get; set; }
    public string Types { get; set; } = string.Empty;
}

/// <summary>The applications submitted in a block of Beijing days, by their status now.</summary>
public class ReviewSubmissionCount : BlockCountColumns
{
    public ApplicationStatus Status { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// The decisions (已通过, 已退回) made in a block of Beijing days that took <see cref="WorkingDays"/> working days (from
/// the submission day, exclusive, to the decision day; 0 when decided before the submission day), for the percentile.
/// </summary>
public class ReviewDecisionTime : BlockCountColumns
{
    public int WorkingDays { get; set; }
    public int Count { get; set; }
}

/// <summary>The decisions made in a block of Beijing days and their working days summed, for a unit's average.</summary>
public class ReviewDecisionTotal : BlockCountColumns
{
    public int Count { get; set; }
    public long WorkingDays { get; set; }
}

/// <summary>
/// A Beijing day's position in the holiday calendar the kept counts were built with
/// (<see cref="WorkingDayCalculator.Positions"/>), so that SQL finds the working days between two days by subtraction;
/// <see cref="DayNumber"/> finds the first day of the block that holds a day.
/// </summary>
public class WorkingDayPosition
{
    public DateOnly Day { get; set; }
    public int DayNumber { get; set; }
    public int Position { get; set; }
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
/// statistics are recounted from the applications. <see cref="Calendar"/> is the <see cref="HolidayCalendar.Signature"/>
/// of the calendar the working-day positions and the decisions' working days were reckoned with.
/// </summary>
public class ReviewCountsReady
{
    public const int OnlyId = 1;

    public int Id { get; set; } = OnlyId;
    public DateTime BuiltAt { get; set; }
    public string Calendar { get; set; } = string.Empty;
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

    /// <summary>
    /// The block columns, keyed so that a unit's blocks of one length are found by their first days; the counts that fell
    /// to 0 in a fold are found (and deleted) through an index of only those.
    /// </summary>
    public static void ConfigureBlock<T>(this EntityTypeBuilder<T> builder, string table, System.Linq.Expressions.Expression<Func<T, object?>> key,
        System.Linq.Expressions.Expression<Func<T, object?>> count) where T : BlockCountColumns
    {
        builder.ToTable(table);
        builder.Property(c => c.UnitCode).HasMaxLength(6);
        builder.Property(c => c.Scope).HasConversion<string>().HasMaxLength(5);
        builder.Property(c => c.Types).HasMaxLength(30);
        builder.HasKey(key);
        builder.HasIndex(count).HasFilter("\"Count\" = 0").HasDatabaseName($"IX_{table}_Zero");
    }
}

internal sealed class ReviewSubmissionCountConfiguration : IEntityTypeConfiguration<ReviewSubmissionCount>
{
    public void Configure(EntityTypeBuilder<ReviewSubmissionCount> builder)
    {
        builder.ConfigureBlock("ReviewSubmissionCounts", c => new { c.UnitCode, c.SpanDays, c.FirstDay, c.Scope, c.Types, c.Status }, c => c.Count);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class ReviewDecisionTimeConfiguration : IEntityTypeConfiguration<ReviewDecisionTime>
{
    public void Configure(EntityTypeBuilder<ReviewDecisionTime> builder) =>
        builder.ConfigureBlock("ReviewDecisionTimes", c => new { c.UnitCode, c.SpanDays, c.FirstDay, c.Scope, c.Types, c.WorkingDays }, c => c.Count);
}

internal sealed class ReviewDecisionTotalConfiguration : IEntityTypeConfiguration<ReviewDecisionTotal>
{
    public void Configure(EntityTypeBuilder<ReviewDecisionTotal> builder) =>
        builder.ConfigureBlock("ReviewDecisionTotals", c => new { c.UnitCode, c.SpanDays, c.FirstDay, c.Scope, c.Types }, c => c.Count);
}

internal sealed class WorkingDayPositionConfiguration : IEntityTypeConfiguration<WorkingDayPosition>
{
    public void Configure(EntityTypeBuilder<WorkingDayPosition> builder)
    {
        builder.ToTable("WorkingDayPositions");
        builder.HasKey(d => d.Day);
        builder.HasIndex(d => d.DayNumber).IsUnique();
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
        builder.Property(r => r.Calendar).HasMaxLength(64);
    }
}
