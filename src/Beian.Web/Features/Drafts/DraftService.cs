using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Uploads;
using Beian.Web.Infrastructure.Input;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Drafts;

/// <summary>
/// Saves, finds, moves and expires drafts of any business; the form type is the caller's. The files a
/// draft uses are attached to it, so the orphan purge leaves them alone for as long as the draft lives.
/// </summary>
public sealed class DraftService(BeianDbContext db, ApplicationSnapshots snapshots, UploadService uploads, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);
    public const int TitleMaxLength = 200;

    public static string AttachmentKey(Guid draftId) => $"draft:{draftId}";

    /// <summary>
    /// Creates or replaces the account's draft of this business (and target). The newest save
    /// stands, so two at once (a double-clicked 【下一步】, two tabs) both succeed, as when typed in
    /// turn: the replacement is one UPDATE, not a read, a change and a version check.
    /// <paramref name="files"/> are the uploads the form refers to. A form whose text breaks the input
    /// rules is never saved (the page refuses it next to its field first; this is the last guard).
    /// </summary>
    public async Task SaveAsync<TForm>(string ownerUserId, BusinessType type, Guid? targetId, string title, TForm form,
        IEnumerable<Guid>? files = null, CancellationToken cancellationToken = default)
    {
        if (InputGraph.FirstRefusal(form) is { } refusal)
            throw new RefusedInputException($"Draft field {refusal.Path} refused: {refusal.Message}");
        title = title.Length > TitleMaxLength ? title[..TitleMaxLength] : title;
        var now = clock.GetUtcNow().UtcDateTime;
        var payload = snapshots.Seal(form);
        var replaced = await Matching(ownerUserId, type, targetId).ExecuteUpdateAsync(draft => draft
            .SetProperty(d => d.Title, title)
            .SetProperty(d => d.PayloadCipher, payload)
            .SetProperty(d => d.UpdatedAt, now)
            .SetProperty(d => d.Version, d => d.Version + 1), cancellationToken);
        if (replaced == 0)
        {
            db.Drafts.Add(new Draft
            {
                Id = Guid.CreateVersion7(), OwnerUserId = ownerUserId, BusinessType = type, TargetId = targetId,
                Title = title, PayloadCipher = payload, CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        if (files == null) return;
        var draftId = await Matching(ownerUserId, type, targetId).OrderByDescending(d => d.UpdatedAt).Select(d => d.Id).FirstAsync(cancellationToken);
        await uploads.KeepAsync(files, ownerUserId, AttachmentKey(draftId), cancellationToken);
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
        return draft == null ? default : snapshots.Open<TForm>(draft.PayloadCipher);
    }

    /// <summary>The draft's form as <paramref name="formType"/> (a business known at run time), only for its owner.</summary>
    public async Task<object?> LoadAsync(Guid draftId, string ownerUserId, BusinessType type, Type formType, CancellationToken cancellationToken = default)
    {
        var draft = await db.Drafts.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == draftId && d.OwnerUserId == ownerUserId && d.BusinessType == type, cancellationToken);
        return draft == null ? null : snapshots.Open(draft.PayloadCipher, formType);
    }

    /// <summary>A draft is used up when its form is submitted.</summary>
    public Task<int> DeleteAsync(string ownerUserId, BusinessType type, Guid? targetId, CancellationToken cancellationToken = default) =>
        DeleteAsync(Matching(ownerUserId, type, targetId), cancellationToken);

    public Task<int> DeleteAsync(Guid draftId, string ownerUserId, CancellationToken cancellationToken = default) =>
        DeleteAsync(db.Drafts.Where(d => d.Id == draftId && d.OwnerUserId == ownerUserId), cancellationToken);

    /// <summary>Drafts not updated for 30 days are deleted (idempotent, safe on several nodes).</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Lifetime;
        return DeleteAsync(db.Drafts.Where(d => d.UpdatedAt < cutoff), cancellationToken);
    }

    /// <summary>
    /// 接收主体: the drafts about the subject (its change, its next website …) and their files go
    /// to the receiver with it. Runs at once, inside the caller's transaction.
    /// </summary>
    public async Task TransferAsync(Guid subjectId, string fromUserId, string toUserId, CancellationToken cancellationToken = default)
    {
        var moving = db.Drafts.Where(d => d.TargetId == subjectId && d.OwnerUserId == fromUserId);
        var keys = (await moving.Select(d => d.Id).ToListAsync(cancellationToken)).Select(AttachmentKey).ToList();
        await uploads.TransferAsync(keys, fromUserId, toUserId, cancellationToken);
        await moving.ExecuteUpdateAsync(s => s.SetProperty(d => d.OwnerUserId, toUserId), cancellationToken);
    }

    /// <summary>Deletes the drafts and lets go of the files only they used.</summary>
    private async Task<int> DeleteAsync(IQueryable<Draft> drafts, CancellationToken cancellationToken)
    {
        var ids = await drafts.Select(d => d.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0) return 0;
        await uploads.ReleaseAsync(ids.Select(AttachmentKey).ToList(), cancellationToken);
        return await db.Drafts.Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    public static DateTime ExpiresAt(Draft draft) => draft.UpdatedAt + Lifetime;
}
