using Beian.Core.Filing;
using System.Runtime.CompilerServices;
using Beian.Core.Applications;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Unfiled;
using Beian.Web.Features.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Beian.Web.Features.Audit;

/// <summary>
/// Audits every state change in the save that makes it, so no handler can forget: each new
/// <see cref="ApplicationTransition"/> (action = the transition's, object = the application) and
/// each new, changed or removed status of a subject, website, offline filing or unfiled site
/// (detail "from → to"), and the administrators' changes of units and staff accounts
/// (<see cref="AuditedSettings"/>). Also attributes and hashes the records that <see cref="AuditLog.Record"/>
/// added. Everything joins the caller's SaveChanges, hence its transaction.
/// A save that failed and is retried on the same tracked entities does not audit them twice.
/// </summary>
public sealed class StateChangeAuditor(AuditActors actors, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<object, string> _audited = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is BeianDbContext db) await AuditAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // Synchronous saves are rare (the Data Protection key store) and there is no
        // synchronisation context in ASP.NET Core to deadlock on.
        if (eventData.Context is BeianDbContext db) AuditAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task AuditAsync(BeianDbContext db, CancellationToken cancellationToken)
    {
        // One pass over the tracker (Entries() runs DetectChanges); what this adds is collected as it goes.
        var entries = db.ChangeTracker.Entries().ToList();
        var pending = entries.Where(e => e.State == EntityState.Added).Select(e => e.Entity).OfType<AuditRecord>()
            .Where(r => r.ContentHash.Length == 0).ToList();
        var deciders = new Dictionary<string, AuditActor>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in entries)
        {
            var record = entry is { Entity: ApplicationTransition transition, State: EntityState.Added }
                ? await AuditTransitionAsync(db, entries, transition, deciders, cancellationToken)
                : AuditedStatuses.ObjectTypeOf(entry.Entity) is { } objectType ? AuditStatus(entry, objectType, now)
                : await AuditedSettings.RecordForAsync(db, entry, now, cancellationToken) is { } setting
                  && FirstTime(entry.Entity, $"setting:{setting.Detail}") ? setting
                : null;
            if (record == null) continue;
            db.Add(record);
            pending.Add(record);
        }
        if (pending.Count == 0) return;
        var current = pending.All(r => r.HasActor) ? AuditActor.System : await actors.CurrentAsync(db, cancellationToken);
        foreach (var record in pending) record.Complete(current);
    }

    private async Task<AuditRecord?> AuditTransitionAsync(BeianDbContext db, List<EntityEntry> entries, ApplicationTransition transition,
        Dictionary<string, AuditActor> deciders, CancellationToken cancellationToken)
    {
        if (!FirstTime(transition, "transition")) return null;
        var application = entries.Select(e => e.Entity).OfType<FilingApplication>().FirstOrDefault(a => a.Id == transition.ApplicationId);
        var detail = $"{(application != null ? $"{application.BusinessType.Label()} {application.Number}：" : "")}"
                     + $"{transition.From?.Label() ?? "—"} → {transition.To.Label()}";
        var record = AuditRecord.New(AuditActions.For(transition.Action), AuditObjectTypes.Application, transition.ApplicationId.ToString(),
            AuditOutcomes.Succeeded, detail, transition.At);
        // Outside a request (a job, a test) the transition itself says who decided.
        if (!actors.InRequest && !string.IsNullOrEmpty(transition.ActorUserId))
        {
            if (!deciders.TryGetValue(transition.ActorUserId, out var decider))
                deciders[transition.ActorUserId] = decider = await AuditActors.ForUserAsync(db, transition.ActorUserId, cancellationToken);
            record.AttributeTo(decider);
        }
        return record;
    }

    private AuditRecord? AuditStatus(EntityEntry entry, string objectType, DateTime now)
    {
        var status = entry.Property("Status");
        var (action, detail) = entry.State switch
        {
            EntityState.Added => (AuditActions.Create, $"状态：{AuditedStatuses.Label(status.CurrentValue)}"),
            EntityState.Deleted => (AuditActions.Delete, $"状态：{AuditedStatuses.Label(status.OriginalValue)}"),
            EntityState.Modified when status.IsModified && !Equals(status.OriginalValue, status.CurrentValue) =>
                (AuditActions.ChangeStatus, $"{AuditedStatuses.Label(status.OriginalValue)} → {AuditedStatuses.Label(status.CurrentValue)}"),
            _ => (null, null),
        };
        if (action == null || !FirstTime(entry.Entity, $"{entry.State}:{status.CurrentValue}")) return null;
        var id = entry.Property("Id").CurrentValue?.ToString() ?? string.Empty;
        return AuditRecord.New(action, objectType, id, AuditOutcomes.Succeeded, detail, now);
    }

    /// <summary>True the first time this entity is seen in this state; a retried save sees it again.</summary>
    private bool FirstTime(object entity, string state)
    {
        if (_audited.TryGetValue(entity, out var seen) && seen == state) return false;
        _audited.AddOrUpdate(entity, state);
        return true;
    }
}

/// <summary>The entities whose Status changes are audited, and the Chinese names of their statuses.</summary>
internal static class AuditedStatuses
{
    public static string? ObjectTypeOf(object entity) => entity switch
    {
        Subject => AuditObjectTypes.Subject,
        Website => AuditObjectTypes.Website,
        OfflineFiling => AuditObjectTypes.OfflineFiling,
        UnfiledSite => AuditObjectTypes.UnfiledSite,
        _ => null,
    };

    public static string Label(object? status) => status switch
    {
        SubjectStatus s => s.Label(),
        FilingStatus w => w.Label(),
        OfflineFilingStatus.Pending => "待认领",
        OfflineFilingStatus.Claimed => "已认领",
        UnfiledSiteStatus.Pending => "待备案",
        UnfiledSiteStatus.Completed => "已备案",
        _ => status?.ToString() ?? "—",
    };
}
