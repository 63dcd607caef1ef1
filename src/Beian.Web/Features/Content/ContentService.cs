using Beian.Core.Content;
using Beian.Web.Data;
using Beian.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Content;

/// <summary>What an administrator typed for an article, checked by the page.</summary>
public sealed record ContentDraft(ContentKind Kind, string Title, string Markdown, bool Pinned, DateTime? PublishedAtUtc);

/// <summary>Who writes: the administrator's id and the name shown to other administrators.</summary>
public sealed record ContentAuthor(string UserId, string Name);

public enum ContentOutcome
{
    Done,
    NotFound,
    /// <summary>Someone else saved it since the form was opened (or it is in a status that does not allow the action).</summary>
    Conflict,
}

/// <summary>
/// Writes the articles: 新建, 修改, 发布, 取消发布, 删除 (a soft delete: the row stays, as 已删除, out of
/// every list). Each change is audited in the save that makes it, and the version posted with the
/// form must still be the row's, so two administrators never overwrite each other.
/// </summary>
public sealed class ContentService(BeianDbContext db, AuditLog audit, ContentQueries queries, TimeProvider clock)
{
    public async Task<ContentItem> CreateAsync(ContentDraft draft, bool publish, ContentAuthor author, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var item = ContentItem.NewDraft(draft.Kind, author.UserId, author.Name, now);
        item.Edit(draft.Kind, draft.Title, draft.Markdown, ContentMarkdown.Render(draft.Markdown), draft.Pinned, draft.PublishedAtUtc, now);
        db.Add(item);
        audit.Record(AuditActions.Create, AuditObjectTypes.ContentItem, item.Id.ToString(), detail: Describe(item));
        if (publish) Publish(item, now);
        await db.SaveChangesAsync(cancellationToken);
        queries.Invalidate();
        return item;
    }

    public Task<ContentOutcome> UpdateAsync(Guid id, int version, ContentDraft draft, bool publish, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, ContentAction.Edit, item =>
        {
            var now = Now;
            item.Edit(draft.Kind, draft.Title, draft.Markdown, ContentMarkdown.Render(draft.Markdown), draft.Pinned, draft.PublishedAtUtc, now);
            audit.Record(AuditActions.EditContent, AuditObjectTypes.ContentItem, item.Id.ToString(), detail: Describe(item));
            if (publish && item.Status == ContentStatus.Draft) Publish(item, now);
        }, cancellationToken);

    public Task<ContentOutcome> PublishAsync(Guid id, int version, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, ContentAction.Publish, item => Publish(item, Now), cancellationToken);

    public Task<ContentOutcome> UnpublishAsync(Guid id, int version, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, ContentAction.Unpublish, item =>
        {
            item.Unpublish(Now);
            audit.Record(AuditActions.Unpublish, AuditObjectTypes.ContentItem, item.Id.ToString(), detail: Describe(item));
        }, cancellationToken);

    public Task<ContentOutcome> DeleteAsync(Guid id, int version, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, ContentAction.Delete, item =>
        {
            var was = item.Status;
            item.Delete(Now);
            audit.Record(AuditActions.Delete, AuditObjectTypes.ContentItem, item.Id.ToString(), detail: $"{Describe(item)}，删除前{was.Label()}");
        }, cancellationToken);

    /// <summary>An article an administrator may open: any status but 已删除.</summary>
    public Task<ContentItem?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<ContentItem>().FirstOrDefaultAsync(c => c.Id == id && c.Status != ContentStatus.Deleted, cancellationToken);

    private void Publish(ContentItem item, DateTime now)
    {
        item.Publish(now);
        audit.Record(AuditActions.Publish, AuditObjectTypes.ContentItem, item.Id.ToString(), detail: Describe(item));
    }

    private async Task<ContentOutcome> ChangeAsync(Guid id, int version, ContentAction action, Action<ContentItem> change, CancellationToken cancellationToken)
    {
        var item = await FindAsync(id, cancellationToken);
        if (item is null) return ContentOutcome.NotFound;
        if (item.Version != version || !ContentStateMachine.Allows(item.Status, action)) return ContentOutcome.Conflict;
        change(item);
        var outcome = await VersionedSave.SaveAsync(db, item, version, cancellationToken);
        if (outcome == ContentOutcome.Done) queries.Invalidate();
        return outcome;
    }

    private static string Describe(ContentItem item) =>
        $"{item.Kind.Label()}《{(item.Title.Length > 40 ? item.Title[..40] + "…" : item.Title)}》";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
