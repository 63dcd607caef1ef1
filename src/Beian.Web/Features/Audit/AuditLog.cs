using Beian.Web.Data;

namespace Beian.Web.Features.Audit;

/// <summary>
/// Writes audit records. State changes are audited by themselves (<see cref="StateChangeAuditor"/>);
/// call this for what the hook cannot see: reads of personal data, refusals, other actions.
/// The actor and source IP are those of the current request (or "system" outside one).
/// </summary>
public sealed class AuditLog(BeianDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>
    /// Adds a record to the request's DbContext: it commits with the caller's next SaveChanges (and
    /// its transaction), or not at all.
    /// </summary>
    public AuditRecord Record(string action, string objectType, string objectId, string outcome = AuditOutcomes.Succeeded, string? detail = null)
    {
        var record = AuditRecord.New(action, objectType, objectId, outcome, detail, Now);
        db.Add(record);
        return record;
    }

    /// <summary>
    /// Saves a record at once, on its own, whatever the caller later commits or rolls back (a read,
    /// a refusal). It uses its own DbContext, so on SQLite do not call it while the caller's
    /// context holds a write transaction: use <see cref="Record"/> there.
    /// </summary>
    public async Task<AuditRecord> RecordNowAsync(string action, string objectType, string objectId, string outcome = AuditOutcomes.Succeeded,
        string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<BeianDbContext>();
        var record = AuditRecord.New(action, objectType, objectId, outcome, detail, Now);
        own.Add(record);
        await own.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>
    /// A police officer viewed a record holding personal data (a file, a subject's or website's
    /// details). Call it before the data is sent, so that a read that cannot be audited fails.
    /// </summary>
    public Task<AuditRecord> RecordPersonalDataReadAsync(string objectType, string objectId, string? detail = null, CancellationToken cancellationToken = default) =>
        RecordNowAsync(AuditActions.ReadPersonalData, objectType, objectId, AuditOutcomes.Succeeded, detail, cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
