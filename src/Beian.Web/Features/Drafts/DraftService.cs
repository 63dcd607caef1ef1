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

    /// <summary>Creates or replaces the account's draft of this business (and target).</summary>
    public async Task<Draft> SaveAsync<TForm>(string ownerUserId, BusinessType type, Guid? targetId, string title, TForm form, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = await FindAsync(ownerUserId, type, targetId, cancellationToken);
        if (draft == null)
        {
            draft = new Draft { Id = Guid.CreateVersion7(), OwnerUserId = ownerUserId, BusinessType = type, TargetId = targetId, CreatedAt = now };
            db.Drafts.Add(draft);
        }
        draft.Title = title;
        draft.PayloadCipher = protector.Encrypt(JsonSerializer.Serialize(form));
        draft.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    public Task<Draft?> FindAsync(string ownerUserId, BusinessType type, Guid? targetId, CancellationToken cancellationToken = default) =>
        db.Drafts.FirstOrDefaultAsync(d => d.OwnerUserId == ownerUserId && d.BusinessType == type && d.TargetId == targetId, cancellationToken);

    /// <summary>The draft's form, only for its owner; null for anyone else.</summary>
    public async Task<TForm?> LoadAsync<TForm>(Guid draftId, string ownerUserId, BusinessType type, CancellationToken cancellationToken = default)
    {
        var draft = await db.Drafts.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == draftId && d.OwnerUserId == ownerUserId && d.BusinessType == type, cancellationToken);
        return draft == null ? default : JsonSerializer.Deserialize<TForm>(protector.Decrypt(draft.PayloadCipher));
    }

    /// <summary>A draft is used up when its form is submitted.</summary>
    public Task<int> DeleteAsync(string ownerUserId, BusinessType type, Guid? targetId, CancellationToken cancellationToken = default) =>
        db.Drafts.Where(d => d.OwnerUserId == ownerUserId && d.BusinessType == type && d.TargetId == targetId)
            .ExecuteDeleteAsync(cancellationToken);

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
