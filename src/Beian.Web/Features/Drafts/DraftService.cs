using System.Text.Json;
using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Drafts;

/// <summary>Saves, finds and expires drafts of any business; the form type is the caller's.</summary>
public sealed class DraftService(BeianDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// Creates or replaces the account's draft of this business (and target). The newest save
    /// stands, so two at once (a double-clicked 【下一步】, two tabs) both succeed, as when typed in
    /// turn: the replacement is one UPDATE, not a read, a change and a version check.
    /// </summary>
    public async Task SaveAsync<TForm>(string ownerUserId, BusinessType type, Guid? targetId, string title, TForm form, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var payload = protector.Encrypt(JsonSerializer.Serialize(form));
        var replaced = await Matching(ownerUserId, type, targetId).ExecuteUpdateAsync(draft => draft
            .SetProperty(d => d.Title, title)
            .SetProperty(d => d.PayloadCipher, payload)
            .SetProperty(d => d.UpdatedAt, now)
            .SetProperty(d => d.Version, d => d.Version + 1), cancellationToken);
        if (replaced > 0) return;
        db.Drafts.Add(new Draft
        {
            Id = Guid.CreateVersion7(), OwnerUserId = ownerUserId, BusinessType = type, TargetId = targetId,
            Title = title, PayloadCipher = payload, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The newest, should two first saves at once have created two.</summary>
    public Task<Draft?> FindAsync(string ownerUserId, BusinessType type, Guid? targetId, CancellationToken cancellationToken = default) =>
        Matching(ownerUserId, type, targetId).OrderByDescending(d => d.UpdatedAt).FirstOrDefaultAsync(cancellationToken);

    private IQueryable<Draft> Matching(string ownerUserId, BusinessType type, Guid? targetId) =>
        db.Drafts.Where(d => d.OwnerUserId == ownerUserId && d.BusinessType == type && d.TargetId == targetId);

    /// <summary>The draft's form, only for its owner; null for anyone else.</summary>
    public async Task<TForm?> LoadAsync<TForm>(Guid draftId, string ownerUserId, BusinessType type, CancellationToken cancellationToken = default)
    {
        var draft = await db.Drafts.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == draftId && d.OwnerUserId == ownerUserId && d.BusinessType == type, cancellationToken);
        return draft == null ? default : JsonSerializer.Deserialize<TForm>(protector.Decrypt(draft.PayloadCipher));
    }

    /// <summary>A draft is used up when its form is submitted.</summary>
    public Task<int> DeleteAsync(string ownerUserId, BusinessType type, Guid? targetId, CancellationToken cancellationToken = default) =>
        Matching(ownerUserId, type, targetId).ExecuteDeleteAsync(cancellationToken);

    public Task<int> DeleteAsync(Guid draftId, string ownerUserId, CancellationToken cancellationToken = default) =>
        db.Drafts.Where(d => d.Id == draftId && d.OwnerUserId == ownerUserId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Drafts not updated for 30 days are deleted (an idempotent DELETE, safe on several nodes).</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Lifetime;
        return db.Drafts.Where(d => d.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    public static DateTime ExpiresAt(Draft draft) => draft.UpdatedAt + Lifetime;
}
