using Beian.Core.Applications;
using Beian.Core.Calendar;
using Beian.Core.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Police.Statistics;

/// <summary>The columns of a <see cref="ReviewCountKey"/>: what a save did to the counts, before the fold sums it into blocks.</summary>
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
/// The kept numbers of 统计分析 for one unit's applications (its own, or everything below it) over one block of Beijing
/// days (<see cref="DayBlocks"/>), as cells (<see cref="BlockCells"/>, null when none) by 业务类型: <see cref="Totals"/>
/// the block's, <see cref="DailyTotals"/> each day's — the applications submitted by their status now, the decisions
/// (已通过, 已退回) made and the working days they took summed (from the submission day, exclusive, to the decision day; 0
/// when decided before the submission day) — and <see cref="DailyTimes"/> each day's decisions by the working days they
/// took, for the percentile. A branch's block inside the period is read by its totals; a block the period ends in, and
/// the officer's own unit's blocks (whose days the daily figure shows), by their days.
/// </summary>
public class ReviewBlock
{
    public string UnitCode { get; set; } = string.Empty;
    public CountScope Scope { get; set; }
    public DateOnly FirstDay { get; set; }
    public byte[]? Totals { get; set; }
    public byte[]? DailyTotals { get; set; }
    public byte[]? DailyTimes { get; set; }

    public bool IsEmpty => Totals == null && DailyTotals == null && DailyTimes == null;
}

/// <summary>
/// A Beijing day's position in the holiday calendar the kept counts were built with
/// (<see cref="WorkingDayCalculator.Positions"/>), so that SQL finds the working days between two days by subtraction.
/// </summary>
public class WorkingDayPosition
{
    public DateOnly Day { get; set; }
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
/// statistics are recounted from the applications, as they are when <see cref="Codes"/> is not this version's (the
/// backfill builds them again). <see cref="Calendar"/> is the <see cref="HolidayCalendar.Signature"/>
/// of the calendar the working-day positions and the decisions' working days were reckoned with.
/// </summary>
public class ReviewCountsReady
{
    public const int OnlyId = 1;

    /// <summary>Ready, and with the blocks' cells written in the values this version reads.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<ReviewCountsReady, bool>> IsCurrent = r => r.Codes == ReviewMeasures.Signature;

    public int Id { get; set; } = OnlyId;
    public DateTime BuiltAt { get; set; }
    public string Calendar { get; set; } = string.Empty;

    /// <summary>The <see cref="ReviewMeasures.Signature"/> of the values the blocks' cells were written with.</summary>
    public string Codes { get; set; } = string.Empty;
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

internal sealed class ReviewBlockConfiguration : IEntityTypeConfiguration<ReviewBlock>
{
    public void Configure(EntityTypeBuilder<ReviewBlock> builder)
    {
        builder.ToTable("ReviewBlocks");
        builder.HasKey(b => new { b.UnitCode, b.FirstDay, b.Scope });
        builder.Property(b => b.UnitCode).HasMaxLength(6);
        builder.Property(b => b.Scope).HasConversion<string>().HasMaxLength(5);
        builder.Ignore(b => b.IsEmpty);
    }
}

internal sealed class WorkingDayPositionConfiguration : IEntityTypeConfiguration<WorkingDayPosition>
{
    public void Configure(EntityTypeBuilder<WorkingDayPosition> builder)
    {
        builder.ToTable("WorkingDayPositions");
        builder.HasKey(d => d.Day);
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
        builder.Property(r => r.Codes).HasMaxLength(64);
    }
}
