using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Beian.Web.Features.Audit;

/// <summary>
/// Audit records are written once and only ever sealed: a save that deletes one, changes its
/// content, or touches the chain fields of a sealed one is refused before anything is written.
/// (PostgreSQL enforces the same with a trigger, see <see cref="AuditSql"/>.)
/// </summary>
public static class AuditGuard
{
    private static readonly HashSet<string> ChainFields =
        [nameof(AuditRecord.Sequence), nameof(AuditRecord.PreviousHash), nameof(AuditRecord.ChainHash), nameof(AuditRecord.SealedAt)];

    public static void RefuseTampering(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<AuditRecord>())
        {
            if (entry.State == EntityState.Deleted)
                throw new AuditTamperingException($"Audit record {entry.Entity.Id} cannot be deleted.");
            if (entry.State != EntityState.Modified) continue;
            var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
            if (changed.Any(name => !ChainFields.Contains(name)))
                throw new AuditTamperingException($"Audit record {entry.Entity.Id} cannot be changed ({string.Join(", ", changed)}).");
            if (entry.Property(r => r.Sequence).OriginalValue != null)
                throw new AuditTamperingException($"Audit record {entry.Entity.Id} is sealed and cannot be changed.");
        }
    }
}

public sealed class AuditTamperingException(string message) : InvalidOperationException(message);
