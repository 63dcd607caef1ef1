using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Infrastructure.Jobs;

/// <summary>
/// How far a startup backfill has found nothing left to fill: what was written before <see cref="CheckedThrough"/> is
/// complete, so the next start reads only what came after instead of every row (a full check of the public tables read
/// every website: 2.5 s at 500,000 sites, the whole table at 5 million). Deleting the row makes the next start check
/// everything again.
/// </summary>
public class BackfillCheckpoint
{
    public string Name { get; set; } = string.Empty;
    public DateTime CheckedThrough { get; set; }
}

internal sealed class BackfillCheckpointConfiguration : IEntityTypeConfiguration<BackfillCheckpoint>
{
    public void Configure(EntityTypeBuilder<BackfillCheckpoint> builder)
    {
        builder.ToTable("BackfillCheckpoints");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(100);
    }
}

/// <summary>Reads and moves a backfill's <see cref="BackfillCheckpoint"/>; the backfill holds its lease meanwhile, so one node writes it.</summary>
public sealed class BackfillCheckpoints(BeianDbContext db)
{
    /// <summary>
    /// What a checkpoint gives up to the writes still in flight when a run began: a row stamped a little before the run
    /// started may commit after its read (or come from a node whose clock is behind), so the next run reads from this
    /// much before the checkpoint.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromHours(1);

    /// <summary>The time from which a run must read, or null for everything (never checked, or the checkpoint deleted).</summary>
    public async Task<DateTime?> ReadFromAsync(string name, CancellationToken cancellationToken) =>
        await db.BackfillCheckpoints.AsNoTracking().Where(c => c.Name == name).Select(c => (DateTime?)c.CheckedThrough)
            .SingleOrDefaultAsync(cancellationToken) is { } through ? through - Overlap : null;

    /// <summary>Everything written before <paramref name="startedAt"/>, when the run that found nothing more began, is complete.</summary>
    public async Task MoveAsync(string name, DateTime startedAt, CancellationToken cancellationToken)
    {
        var checkpoint = await db.BackfillCheckpoints.SingleOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (checkpoint == null) db.BackfillCheckpoints.Add(new BackfillCheckpoint { Name = name, CheckedThrough = startedAt });
        else checkpoint.CheckedThrough = startedAt;
        await db.SaveChangesAsync(cancellationToken);
    }
}
