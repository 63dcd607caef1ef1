using System.Security.Cryptography;
using Beian.Core.Content;
using Beian.Core.Uploads;
using Beian.Web.Data;
using Beian.Web.Features.Audit;
using Beian.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Beian.Web.Features.Content;

/// <summary>Settings under <c>Downloads:</c>.</summary>
public sealed class DownloadOptions
{
    /// <summary>The largest file an administrator may put in the 下载中心 (<c>Downloads:MaxBytes</c>, 20 MB).</summary>
    public long MaxBytes { get; set; } = DownloadFileRules.DefaultMaxBytes;
}

/// <summary>The title and description an administrator typed for a file.</summary>
public sealed record DownloadDescription(string Title, string? Description);

/// <summary>
/// The 下载中心's files: checks an upload by its content and stores its bytes (<see cref="StoreAsync"/>),
/// then writes the row (新建, 修改 with or without a new file, 发布, 取消发布, 删除 — a soft delete
/// that keeps the row and the bytes), audited in the same save, guarded by the version.
/// A stored file whose row was never saved is removed again; a replaced file once the new row is saved.
/// </summary>
public sealed class DownloadService(
    BeianDbContext db, IFileStorage storage, AuditLog audit, ContentQueries queries,
    IOptions<DownloadOptions> options, TimeProvider clock, ILogger<DownloadService> logger)
{
    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>"支持pdf、doc … 格式，文件大小不超过20MB".</summary>
    public string HelpText => $"支持{DownloadFileRules.Formats}格式，文件大小不超过{UploadRules.FormatSize(MaxBytes)}";

    /// <summary>Checks the file and stores its bytes; the Chinese message instead when it is refused.</summary>
    public async Task<(StoredDownload? File, string? Error)> StoreAsync(IFormFile? file, CancellationToken cancellationToken = default)
    {
        if (file is null || file.Length == 0) return (null, DownloadFileRules.MessageNoFile);
        if (file.Length > MaxBytes) return (null, UploadRules.TooLargeMessage(MaxBytes));
        byte[] bytes;
        await using (var stream = file.OpenReadStream())
        {
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory, cancellationToken);
            bytes = memory.ToArray();
        }
        var verdict = DownloadFileRules.Check(file.FileName, bytes, MaxBytes);
        if (!verdict.Accepted) return (null, verdict.Error);

        var key = StorageKeys.New(clock.GetUtcNow().UtcDateTime);
        try
        {
            using var content = new MemoryStream(bytes, writable: false);
            await storage.SaveAsync(key, content, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            logger.LogError(e, "Download file not stored: the file store is unavailable");
            return (null, UploadRules.MessageStorageUnavailable);
        }
        var stored = new StoredDownload(DownloadFileRules.SanitiseName(file.FileName, verdict.Kind), verdict.Kind, verdict.ContentType,
            bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), key);
        return (stored, null);
    }

    /// <summary>Removes bytes stored for a form that was then not saved.</summary>
    public Task DiscardAsync(StoredDownload? file) =>
        file?.StorageKey is { } key ? storage.DeleteAsync(key, CancellationToken.None) : Task.CompletedTask;

    public async Task<DownloadItem> CreateAsync(DownloadDescription description, StoredDownload file, bool publish, ContentAuthor author,
        CancellationToken cancellationToken = default)
    {
        var now = Now;
        var item = DownloadItem.NewDraft(author.UserId, author.Name, now);
        item.Describe(description.Title, description.Description, now);
        item.ReplaceFile(file, now);
        db.Add(item);
        audit.Record(AuditActions.Create, AuditObjectTypes.DownloadItem, item.Id.ToString(), detail: Describe(item));
        if (publish) Publish(item, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            await DiscardAsync(file);
            throw;
        }
        queries.Invalidate();
        return item;
    }

    public async Task<ContentOutcome> UpdateAsync(Guid id, int version, DownloadDescription description, StoredDownload? newFile, bool publish,
        CancellationToken cancellationToken = default)
    {
        string? replaced = null;
        var outcome = await ChangeAsync(id, version, ContentAction.Edit, item =>
        {
            var now = Now;
            item.Describe(description.Title, description.Description, now);
            if (newFile is not null) replaced = item.ReplaceFile(newFile, now);
            audit.Record(AuditActions.EditContent, AuditObjectTypes.DownloadItem, item.Id.ToString(),
                detail: Describe(item) + (newFile is not null ? $"，更换文件为 {newFile.FileName}" : ""));
            if (publish && item.Status == ContentStatus.Draft) Publish(item, now);
        }, cancellationToken);
        if (outcome == ContentOutcome.Done && replaced is not null) await storage.DeleteAsync(replaced, CancellationToken.None);
        if (outcome != ContentOutcome.Done) await DiscardAsync(newFile);
        return outcome;
    }

    public Task<ContentOutcome> PublishAsync(Guid id, int version, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, ContentAction.Publish, item => Publish(item, Now), cancellationToken);

    public Task<ContentOutcome> UnpublishAsync(Guid id, int version, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, ContentAction.Unpublish, item =>
        {
            item.Unpublish(Now);
            audit.Record(AuditActions.Unpublish, AuditObjectTypes.DownloadItem, item.Id.ToString(), detail: Describe(item));
        }, cancellationToken);

    public Task<ContentOutcome> DeleteAsync(Guid id, int version, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, ContentAction.Delete, item =>
        {
            var was = item.Status;
            item.Delete(Now);
            audit.Record(AuditActions.Delete, AuditObjectTypes.DownloadItem, item.Id.ToString(), detail: $"{Describe(item)}，删除前{was.Label()}");
        }, cancellationToken);

    /// <summary>A file an administrator may open: any status but 已删除.</summary>
    public Task<DownloadItem?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<DownloadItem>().FirstOrDefaultAsync(d => d.Id == id && d.Status != ContentStatus.Deleted, cancellationToken);

    /// <summary>
    /// The bytes of a file: a published one for anybody, a draft for an administrator. Null when there
    /// is nothing to send (not found, not published, or its stored object is missing).
    /// </summary>
    public async Task<(DownloadItem Item, Stream Content)?> OpenAsync(Guid id, bool includeDrafts, CancellationToken cancellationToken = default)
    {
        var item = await db.Set<DownloadItem>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id
            && (d.Status == ContentStatus.Published || (includeDrafts && d.Status == ContentStatus.Draft)), cancellationToken);
        if (item is null) return null;
        if (item.IsTemplate)
            return DownloadTemplates.Find(item.TemplateKey) is { } template ? (item, new MemoryStream(template.Bytes(), writable: false)) : null;
        var content = item.StorageKey is { } key ? await storage.OpenReadAsync(key, cancellationToken) : null;
        if (content is null)
        {
            logger.LogError("Stored object {StorageKey} of download {DownloadId} is missing", item.StorageKey, item.Id);
            return null;
        }
        return (item, content);
    }

    private void Publish(DownloadItem item, DateTime now)
    {
        item.Publish(now);
        audit.Record(AuditActions.Publish, AuditObjectTypes.DownloadItem, item.Id.ToString(), detail: Describe(item));
    }

    private async Task<ContentOutcome> ChangeAsync(Guid id, int version, ContentAction action, Action<DownloadItem> change, CancellationToken cancellationToken)
    {
        var item = await FindAsync(id, cancellationToken);
        if (item is null) return ContentOutcome.NotFound;
        if (item.Version != version || !ContentStateMachine.Allows(item.Status, action)) return ContentOutcome.Conflict;
        change(item);
        var outcome = await VersionedSave.SaveAsync(db, item, version, cancellationToken);
        if (outcome == ContentOutcome.Done) queries.Invalidate();
        return outcome;
    }

    private static string Describe(DownloadItem item) =>
        $"下载中心《{(item.Title.Length > 40 ? item.Title[..40] + "…" : item.Title)}》（{item.FileName}）";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
