using System.Security.Claims;
using System.Security.Cryptography;
using Beian.Core.PoliceUnits;
using Beian.Core.Uploads;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Uploads;

/// <summary>Settings under <c>Uploads:</c>.</summary>
public sealed class UploadOptions
{
    /// <summary><c>Uploads:MaxBytes</c>, 5 MB by default (older manuals: 400–512 KB).</summary>
    public long MaxBytes { get; set; } = UploadRules.DefaultMaxBytes;

    /// <summary><c>Uploads:PackageMaxBytes</c>: an APP's installation package, 200 MB by default; streamed, never held in memory.</summary>
    public long PackageMaxBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Unattached files older than this are purged by housekeeping.</summary>
    public TimeSpan OrphanAge { get; set; } = TimeSpan.FromDays(2);
}

/// <summary>The outcome of an upload: the stored file, or the Chinese message to show next to the field.</summary>
public sealed record UploadResult(StoredFile? File, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>No file given and none required.</summary>
    public static readonly UploadResult None = new(null, null);

    public static UploadResult Ok(StoredFile file) => new(file, null);
    public static UploadResult Fail(string error) => new(null, error);
}

/// <summary>
/// Uploaded files: checks them by content and stores them (<see cref="SaveAsync(string, UploadPurpose, IFormFile?, CancellationToken)"/>),
/// resolves a form's upload slot (<see cref="ResolveAsync"/>), attaches files to the record that
/// uses them (<see cref="AttachAsync"/>), decides who reads them (<see cref="FindReadableAsync"/>) and
/// purges files nobody attached (<see cref="PurgeOrphansAsync"/>).
/// </summary>
public sealed class UploadService(
    BeianDbContext db,
    IFileStorage storage,
    IEnumerable<IFileReadGrant> grants,
    IEnumerable<IPackageInspector> packageInspectors,
    Microsoft.Extensions.Options.IOptions<UploadOptions> options,
    TimeProvider clock,
    ILogger<UploadService> logger)
{
    public UploadOptions Options => options.Value;

    /// <summary>The help line under a slot, e.g. "支持png/jpeg/jpg格式，文件大小不超过5MB".</summary>
    public string HelpText(UploadPurpose purpose) => UploadRules.HelpText(purpose, LimitOf(purpose));

    /// <summary>The size limit of a purpose: <see cref="UploadOptions.PackageMaxBytes"/> for packages, <see cref="UploadOptions.MaxBytes"/> otherwise.</summary>
    public long LimitOf(UploadPurpose purpose) => UploadRules.IsPackage(purpose) ? Options.PackageMaxBytes : Options.MaxBytes;

    public async Task<UploadResult> SaveAsync(string ownerUserId, UploadPurpose purpose, IFormFile? file, CancellationToken cancellationToken = default)
    {
        if (file is null || file.Length == 0) return UploadResult.Fail(UploadRules.MessageNoFile);
        if (file.Length > LimitOf(purpose)) return UploadResult.Fail(UploadRules.TooLargeMessage(LimitOf(purpose)));
        await using var stream = file.OpenReadStream();
        return await SaveAsync(ownerUserId, purpose, file.FileName, stream, cancellationToken);
    }

    /// <summary>
    /// An installation package: too large to hold, so it is streamed to a temporary file (when the upload
    /// is not seekable already), checked by reading it (<see cref="IPackageInspector"/>: its kind by content,
    /// its facts kept with the file), hashed and stored from that stream.
    /// </summary>
    private async Task<UploadResult> SavePackageAsync(string ownerUserId, UploadPurpose purpose, string? fileName, Stream content,
        CancellationToken cancellationToken)
    {
        var claimed = UploadRules.KindOfExtension(fileName);
        if (claimed is null || !UploadRules.Accepts(purpose, claimed.Value)) return UploadResult.Fail(UploadRules.WrongKindMessage(purpose));
        await using var seekable = content.CanSeek ? null : await TemporaryFiles.SpoolAsync(content, cancellationToken);
        var package = seekable ?? content;
        if (package.Length > Options.PackageMaxBytes) return UploadResult.Fail(UploadRules.TooLargeMessage(Options.PackageMaxBytes));
        var inspector = packageInspectors.FirstOrDefault() ?? throw new InvalidOperationException("No package inspector is registered.");
        package.Position = 0;
        var inspection = inspector.Inspect(package, claimed.Value);
        if (inspection.Error != null) return UploadResult.Fail(inspection.Error);
        package.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(package, cancellationToken));
        package.Position = 0;
        return await StoreAsync(ownerUserId, purpose, fileName, claimed.Value, package.Length, sha256, package,
            inspection.FactsJson, cancellationToken);
    }

    /// <summary>Checks <paramref name="content"/> (read up to the size limit) and stores it; an image is stored re-encoded (<see cref="ImageReencoder"/>).</summary>
    public async Task<UploadResult> SaveAsync(string ownerUserId, UploadPurpose purpose, string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerUserId);
        if (UploadRules.IsPackage(purpose)) return await SavePackageAsync(ownerUserId, purpose, fileName, content, cancellationToken);
        var bytes = await ReadAtMostAsync(content, Options.MaxBytes + 1, cancellationToken);
        var error = UploadRules.Check(purpose, fileName, bytes, Options.MaxBytes, out var kind);
        if (error is not null) return UploadResult.Fail(error);
        if (UploadRules.IsImage(kind))
        {
            var image = ImageReencoder.Reencode(bytes, kind);
            if (image.Error is not null) return UploadResult.Fail(image.Error);
            bytes = image.Image!;
        }

        using var memory = new MemoryStream(bytes, writable: false);
        return await StoreAsync(ownerUserId, purpose, fileName, kind, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), memory,
            null, cancellationToken);
    }

    /// <summary>
    /// Stores checked content under a new key and records it; the object is removed again if the record is not.
    /// A file store that cannot be reached is the message beside the field, not an error page.
    /// </summary>
    private async Task<UploadResult> StoreAsync(string ownerUserId, UploadPurpose purpose, string? fileName, FileKind kind, long size,
        string sha256, Stream content, string? inspection, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = new StoredFile
        {
            Id = Guid.NewGuid(),
            OwnerUserId = ownerUserId,
            Purpose = purpose,
            OriginalName = UploadRules.SanitiseName(fileName, kind),
            ContentType = UploadRules.ContentTypeOf(kind),
            Kind = kind,
            Size = size,
            Sha256 = sha256,
            StorageKey = StorageKeys.New(now),
            UploadedAt = now,
            Inspection = inspection,
        };
        try
        {
            await storage.SaveAsync(stored.StorageKey, content, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            logger.LogError(e, "Upload of {Purpose} not stored: the file store is unavailable", purpose);
            return UploadResult.Fail(UploadRules.MessageStorageUnavailable);
        }
        try
        {
            db.Add(stored);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            db.Entry(stored).State = EntityState.Detached;
            await storage.DeleteAsync(stored.StorageKey, CancellationToken.None);
            throw;
        }
        return UploadResult.Ok(stored);
    }

    /// <summary>
    /// One upload slot of a submitted form: a newly chosen file is checked and stored; otherwise the
    /// file kept from an earlier submission (<see cref="UploadInput.FileId"/>) is accepted when it is
    /// the owner's and of a kind the slot takes. Afterwards <paramref name="input"/> names the file
    /// (FileId, FileName) so that a form shown again keeps it. With no file and
    /// <paramref name="required"/> false the result is <see cref="UploadResult.None"/>.
    /// </summary>
    public async Task<UploadResult> ResolveAsync(UploadInput input, string ownerUserId, UploadPurpose purpose, bool required = true, CancellationToken cancellationToken = default)
    {
        StoredFile? kept = input.FileId is { } keptId ? await FindOwnedAsync(keptId, ownerUserId, cancellationToken) : null;
        if (kept is not null && !UploadRules.Accepts(purpose, kept.Kind)) kept = null;

        UploadResult result;
        if (input.File is { Length: > 0 })
            result = await SaveAsync(ownerUserId, purpose, input.File, cancellationToken);
        else if (kept is not null)
            result = UploadResult.Ok(kept);
        else
            result = required ? UploadResult.Fail(UploadRules.MessageNoFile) : UploadResult.None;

        // A refused new file does not replace the one kept before; a kept id that is not the owner's is dropped.
        var shown = result.File ?? kept;
        input.FileId = shown?.Id;
        input.FileName = shown?.OriginalName;
        return result;
    }

    /// <summary>Fills <see cref="UploadInput.FileName"/> for the kept file (for a form shown on GET from saved data).</summary>
    public async Task DescribeAsync(UploadInput input, string ownerUserId, CancellationToken cancellationToken = default)
    {
        var file = input.FileId is { } id ? await FindOwnedAsync(id, ownerUserId, cancellationToken) : null;
        input.FileId = file?.Id;
        input.FileName = file?.OriginalName;
    }

    public Task<StoredFile?> FindOwnedAsync(Guid id, string ownerUserId, CancellationToken cancellationToken = default) =>
        db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.OwnerUserId == ownerUserId, cancellationToken);

    /// <summary>
    /// Marks the owner's files as used by <paramref name="attachedTo"/> ("draft:…", "subject:…",
    /// "application:…") and readable by reviewers of <paramref name="jurisdictionUnitCode"/>. Files of
    /// another owner are left alone. Saves through the request's DbContext, so it joins the caller's
    /// transaction when there is one. Returns how many files were attached.
    /// </summary>
    public async Task<int> AttachAsync(IEnumerable<Guid> fileIds, string ownerUserId, string attachedTo, string? jurisdictionUnitCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(attachedTo);
        var ids = fileIds.Distinct().ToList();
        if (ids.Count == 0) return 0;
        var files = await db.Set<StoredFile>().Where(f => ids.Contains(f.Id) && f.OwnerUserId == ownerUserId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var file in files)
        {
            file.AttachedTo = attachedTo;
            file.AttachedAt = now;
            file.JurisdictionUnitCode = jurisdictionUnitCode;
        }
        await db.SaveChangesAsync(cancellationToken);
        return files.Count;
    }

    /// <summary>
    /// Keeps the owner's unattached files alive as part of <paramref name="attachedTo"/> (a draft): files
    /// already attached to a record stay with that record, which keeps them as long as it lives.
    /// </summary>
    public Task<int> KeepAsync(IEnumerable<Guid> fileIds, string ownerUserId, string attachedTo, CancellationToken cancellationToken = default)
    {
        var ids = fileIds.Distinct().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        return ids.Count == 0
            ? Task.FromResult(0)
            : db.Set<StoredFile>().Where(f => ids.Contains(f.Id) && f.OwnerUserId == ownerUserId && f.AttachedTo == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.AttachedTo, attachedTo).SetProperty(f => f.AttachedAt, now), cancellationToken);
    }

    /// <summary>Moves every file attached to <paramref name="attachedTo"/> to another police unit (a transfer, a region change).</summary>
    public Task<int> SetJurisdictionAsync(string attachedTo, string? jurisdictionUnitCode, CancellationToken cancellationToken = default) =>
        db.Set<StoredFile>().Where(f => f.AttachedTo == attachedTo)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.JurisdictionUnitCode, jurisdictionUnitCode), cancellationToken);

    /// <summary>
    /// 接收主体: the files of these records (<paramref name="attachedTo"/>) that <paramref name="fromUserId"/> owns
    /// become <paramref name="toUserId"/>'s. Runs at once, inside the caller's transaction.
    /// </summary>
    public Task<int> TransferAsync(IReadOnlyCollection<string> attachedTo, string fromUserId, string toUserId,
        CancellationToken cancellationToken = default) =>
        attachedTo.Count == 0
            ? Task.FromResult(0)
            : db.Set<StoredFile>().Where(f => f.AttachedTo != null && attachedTo.Contains(f.AttachedTo) && f.OwnerUserId == fromUserId)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.OwnerUserId, toUserId), cancellationToken);

    /// <summary>
    /// The record is gone (a deleted draft): its files no longer attached to it become unattached, so the
    /// orphan purge removes them unless something else attached them meanwhile.
    /// </summary>
    public Task<int> ReleaseAsync(IReadOnlyCollection<string> attachedTo, CancellationToken cancellationToken = default) =>
        attachedTo.Count == 0
            ? Task.FromResult(0)
            : db.Set<StoredFile>().Where(f => f.AttachedTo != null && attachedTo.Contains(f.AttachedTo))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.AttachedTo, (string?)null).SetProperty(f => f.AttachedAt, (DateTime?)null), cancellationToken);

    /// <summary>The files attached to a record, oldest first (for a detail page listing its attachments).</summary>
    public Task<List<StoredFile>> AttachedToAsync(string attachedTo, CancellationToken cancellationToken = default) =>
        db.Set<StoredFile>().AsNoTracking().Where(f => f.AttachedTo == attachedTo).OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);

    /// <summary>
    /// The file when <paramref name="user"/> may read it: its owner, or a reviewer or supervisor whose
    /// unit is the file's jurisdiction or above it, or whom an <see cref="IFileReadGrant"/> lets in. Null otherwise, the same as for a file that does
    /// not exist. <see cref="FileReadAccess.ReadByPolice"/> tells the caller to audit the read.
    /// </summary>
    public async Task<(StoredFile File, FileReadAccess Access)?> FindReadableAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(userId)) return null;
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (file is null) return null;
        if (file.OwnerUserId == userId) return (file, FileReadAccess.Owner);
        if (file.JurisdictionUnitCode is null || !(user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Supervisor))) return null;
        var officer = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Kind, u.PoliceUnitCode }).FirstOrDefaultAsync(cancellationToken);
        if (officer is not { Kind: AccountKind.Police, PoliceUnitCode: { Length: > 0 } unit }) return null;
        if (PoliceUnitCatalog.Default.IsWithin(file.JurisdictionUnitCode, unit)) return (file, FileReadAccess.ReadByPolice);
        foreach (var grant in grants)
        {
            if (await grant.GrantsAsync(file, unit, cancellationToken)) return (file, FileReadAccess.ReadByPolice);
        }
        return null;
    }

    public Task<Stream?> OpenReadAsync(StoredFile file, CancellationToken cancellationToken = default) =>
        storage.OpenReadAsync(file.StorageKey, cancellationToken);

    /// <summary>
    /// Deletes files never attached and uploaded more than <paramref name="olderThan"/> ago (default
    /// <see cref="UploadOptions.OrphanAge"/>): the stored object first, then the row, so a crash in
    /// between leaves a row the next run finishes. Idempotent and safe on several nodes at once.
    /// </summary>
    public async Task<int> PurgeOrphansAsync(TimeSpan? olderThan = null, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - (olderThan ?? Options.OrphanAge);
        var purged = 0;
        while (true)
        {
            var batch = await db.Set<StoredFile>().AsNoTracking()
                .Where(f => f.AttachedAt == null && f.UploadedAt < cutoff)
                .OrderBy(f => f.UploadedAt).Select(f => new { f.Id, f.StorageKey })
                .Take(200).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            foreach (var orphan in batch)
            {
                await storage.DeleteAsync(orphan.StorageKey, cancellationToken);
                purged += await db.Set<StoredFile>().Where(f => f.Id == orphan.Id && f.AttachedAt == null).ExecuteDeleteAsync(cancellationToken);
            }
            if (batch.Count < 200) break;
        }
        if (purged > 0) logger.LogInformation("Purged {Count} unattached uploads older than {Cutoff:o}", purged, cutoff);
        return purged;
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while (memory.Length < limit && (read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - memory.Length)), cancellationToken)) > 0)
            memory.Write(buffer, 0, read);
        return memory.ToArray();
    }
}

/// <summary>
/// Reads an uploaded installation package (<see cref="UploadRules.IsPackage"/>) from a seekable
/// stream: the kind it really is, its facts to keep with the file (JSON), or the Chinese reason it is refused.
/// </summary>
public interface IPackageInspector
{
    PackageInspection Inspect(Stream package, FileKind claimed);
}

public sealed record PackageInspection(string? FactsJson, string? Error)
{
    public static PackageInspection Refused(string error) => new(null, error);
}

/// <summary>
/// Lets the police of a unit read a file outside the file's own jurisdiction, because of what
/// another capability knows (an application moved to that unit by 改派). Asked only for police.
/// </summary>
public interface IFileReadGrant
{
    Task<bool> GrantsAsync(StoredFile file, string officerUnitCode, CancellationToken cancellationToken);
}

public enum FileReadAccess
{
    Owner,
    ReadByPolice,
}
