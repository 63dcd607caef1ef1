using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Filing;

/// <summary>Who moved a record, when and why: what every named transition of a subject or a business records.</summary>
public readonly record struct RecordStep(string ActorUserId, DateTime At, string? Why);

/// <summary>
/// One move of a subject, website, APP … from one status to another (or to another owner), with who,
/// when and why. Kept in one table for every kind of record; added by the save that makes the move.
/// </summary>
public class RecordTransition
{
    public Guid Id { get; set; }
    /// <summary>Subject, Website, App …: the audit's object type of the record.</summary>
    public string RecordType { get; set; } = string.Empty;
    public Guid RecordId { get; set; }
    /// <summary>The named transition: Approve, BeginChange, TransferTo ….</summary>
    public string Action { get; set; } = string.Empty;
    /// <summary>The status before, by name; null when the record was created.</summary>
    public string? From { get; set; }
    public string To { get; set; } = string.Empty;
    public string ActorUserId { get; set; } = string.Empty;
    public string? Why { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// A record whose named transitions are remembered: the moves made since it was loaded wait here until
/// the save that makes them adds them (<see cref="Data.BeianDbContext"/>), so a move and its record
/// commit together or not at all.
/// </summary>
public interface IRecordsTransitions
{
    IReadOnlyList<RecordTransition> TakeNewTransitions();
}

/// <summary>The moves of one record not yet saved.</summary>
public sealed class PendingTransitions
{
    private readonly List<RecordTransition> _moves = [];

    public void Add(string recordType, Guid recordId, string action, string? from, string to, RecordStep step) =>
        _moves.Add(new RecordTransition
        {
            Id = Guid.CreateVersion7(),
            RecordType = recordType,
            RecordId = recordId,
            Action = action,
            From = from,
            To = to,
            ActorUserId = step.ActorUserId,
            Why = step.Why is { Length: > RecordTransitionConfiguration.MaxWhy } why ? why[..RecordTransitionConfiguration.MaxWhy] : step.Why,
            At = step.At,
        });

    public IReadOnlyList<RecordTransition> Take()
    {
        var taken = _moves.ToList();
        _moves.Clear();
        return taken;
    }
}

internal sealed class RecordTransitionConfiguration : IEntityTypeConfiguration<RecordTransition>
{
    public const int MaxWhy = 500;

    public void Configure(EntityTypeBuilder<RecordTransition> builder)
    {
        builder.ToTable("RecordTransitions");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.RecordType).HasMaxLength(30);
        builder.Property(t => t.Action).HasMaxLength(30);
        builder.Property(t => t.From).HasMaxLength(20);
        builder.Property(t => t.To).HasMaxLength(20);
        builder.Property(t => t.ActorUserId).HasMaxLength(450);
        builder.Property(t => t.Why).HasMaxLength(MaxWhy);
        builder.HasIndex(t => new { t.RecordId, t.At });
    }
}

public static class RecordTransitionQueries
{
    /// <summary>A record's history, oldest first.</summary>
    public static Task<List<RecordTransition>> HistoryOfAsync(this DbSet<RecordTransition> transitions, Guid recordId,
        CancellationToken cancellationToken = default) =>
        transitions.AsNoTracking().Where(t => t.RecordId == recordId).OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(cancellationToken);
}
