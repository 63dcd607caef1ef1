using Beian.Core.Exports;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Beian.Web.Features.Police.Exports;

/// <summary>
/// Background exports from asking to expiry. Several nodes look for work at once: a node takes an export
/// with one conditional UPDATE (queued, or running under a claim that lapsed), so exactly one of them
/// writes it; it renews the claim with each progress report and loses the export if it stops reporting.
/// The file goes to <see cref="IFileStorage"/> and is served to the officer who asked, and no one else.
/// </summary>
public sealed class BackgroundExportJobs(BeianDbContext db, IServiceScopeFactory scopes, IFileStorage storage, TimeProvider clock,
    IOptions<ExportOptions> options, ILogger<BackgroundExportJobs> logger)
{
    private ExportOptions Settings => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<BackgroundExport> AskAsync(IListExport list, string filter, Officer officer, long rowsTotal, CancellationToken cancellationToken)
    {
        var export = BackgroundExport.Ask(list, filter, officer.UserId, rowsTotal, Now, BeijingTime.DateOf(clock.GetUtcNow()), Settings.Keep);
        db.Add(export);
        await db.SaveChangesAsync(cancellationToken);
        return export;
    }

    /// <summary>The officer's own exports, newest first; expired ones stay listed (已过期) until housekeeping removes them.</summary>
    public Task<List<BackgroundExport>> OfOfficerAsync(string userId, CancellationToken cancellationToken) =>
        db.BackgroundExports.AsNoTracking().Where(e => e.RequestedByUserId == userId)
            .OrderByDescending(e => e.RequestedAt).ToListAsync(cancellationToken);

    /// <summary>The export when <paramref name="userId"/> asked it; null for anyone else's, as for one that does not exist.</summary>
    public Task<BackgroundExport?> OwnAsync(Guid id, string userId, CancellationToken cancellationToken) =>
        db.BackgroundExports.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.RequestedByUserId == userId, cancellationToken);

    /// <summary>The finished file of an export still in its time; null otherwise.</summary>
    public async Task<Stream?> OpenFileAsync(BackgroundExport export, CancellationToken cancellationToken) =>
        export.IsDownloadable(Now) ? await storage.OpenReadAsync(export.StorageKey!, cancellationToken) : null;

    /// <summary>Takes the oldest export that is waiting (or whose writer went silent) and writes it; false when there was none to take.</summary>
    public async Task<bool> RunNextAsync(string holder, CancellationToken cancellationToken)
    {
        var now = Now;
        var candidates = await Claimable(now).OrderBy(e => e.RequestedAt).Select(e => e.Id).Take(5).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            if (!await TryClaimAsync(id, holder, cancellationToken)) continue;
            await RunAsync(id, holder, cancellationToken);
            return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="holder"/> took the export; of several nodes trying, one does.</summary>
    public async Task<bool> TryClaimAsync(Guid id, string holder, CancellationToken cancellationToken)
    {
        var now = Now;
        var until = now + Settings.Claim;
        return await Claimable(now).Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, BackgroundExportStatus.Running)
                .SetProperty(e => e.ClaimedBy, holder).SetProperty(e => e.ClaimExpiresAt, until).SetProperty(e => e.RowsWritten, 0L), cancellationToken) == 1;
    }

    /// <summary>Deletes exports past their expiry, files first (a file without its row would never be found again).</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var expired = await db.BackgroundExports.AsNoTracking()
            .Where(e => e.ExpiresAt <= now && !(e.Status == BackgroundExportStatus.Running && e.ClaimExpiresAt > now))
            .OrderBy(e => e.ExpiresAt).Select(e => new { e.Id, e.StorageKey }).Take(500).ToListAsync(cancellationToken);
        foreach (var export in expired)
        {
            if (export.StorageKey != null) await storage.DeleteAsync(export.StorageKey, cancellationToken);
            await db.BackgroundExports.Where(e => e.Id == export.Id).ExecuteDeleteAsync(cancellationToken);
        }
        return expired.Count;
    }

    private IQueryable<BackgroundExport> Claimable(DateTime now) =>
        db.BackgroundExports.Where(e => e.ExpiresAt > now && (e.Status == BackgroundExportStatus.Queued
            || (e.Status == BackgroundExportStatus.Running && e.ClaimExpiresAt < now)));

    private async Task RunAsync(Guid id, string holder, CancellationToken cancellationToken)
    {
        // The rows are read on a context of their own: this one reports progress meanwhile.
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var export = await db.BackgroundExports.AsNoTracking().SingleAsync(e => e.Id == id, cancellationToken);
        var list = services.GetServices<IListExport>().SingleOrDefault(l => l.Kind == export.Kind);
        var officer = await services.GetRequiredService<Officers>().ByIdAsync(export.RequestedByUserId, cancellationToken);
        if (list == null || officer == null)
        {
            logger.LogWarning("Background export {Id} of {Kind} dropped: its list or its officer is gone", id, export.Kind);
            await FailAsync(id, holder);
            return;
        }
        try
        {
            await using var file = ExcelExport.TemporaryFile();
            var rows = await ExcelExport.WriteAsync(file, [new ExcelSheet(list.Title, list.Columns, list.RowsAsync(officer, export.Filter, cancellationToken))],
                Settings.Layout, (written, token) => ReportAsync(id, holder, written, token), cancellationToken);
            file.Position = 0;
            var key = StorageKeys.New(Now);
            await storage.SaveAsync(key, file, cancellationToken);
            if (!await CompleteAsync(id, holder, rows, key, file.Length, cancellationToken)) await storage.DeleteAsync(key, CancellationToken.None);
        }
        catch (ClaimLostException)
        {
            logger.LogWarning("Background export {Id} was taken over by another node", id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Background export {Id} of {Kind} failed", id, export.Kind);
            await FailAsync(id, holder);
        }
    }

    /// <summary>Rows written so far, and the claim renewed; a claim lost (another node took over) stops the writing.</summary>
    private async Task ReportAsync(Guid id, string holder, long written, CancellationToken cancellationToken)
    {
        var until = Now + Settings.Claim;
        var held = await Held(id, holder)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.RowsWritten, written).SetProperty(e => e.ClaimExpiresAt, until), cancellationToken);
        if (held == 0) throw new ClaimLostException();
    }

    private async Task<bool> CompleteAsync(Guid id, string holder, long rows, string key, long size, CancellationToken cancellationToken)
    {
        var now = Now;
        var expires = now + Settings.Keep;
        return await Held(id, holder).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, BackgroundExportStatus.Completed).SetProperty(e => e.RowsWritten, rows).SetProperty(e => e.RowsTotal, rows)
            .SetProperty(e => e.CompletedAt, now).SetProperty(e => e.ExpiresAt, expires).SetProperty(e => e.StorageKey, key)
            .SetProperty(e => e.FileSize, size).SetProperty(e => e.ClaimedBy, (string?)null).SetProperty(e => e.ClaimExpiresAt, (DateTime?)null),
            cancellationToken) == 1;
    }

    private Task<int> FailAsync(Guid id, string holder) =>
        Held(id, holder).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, BackgroundExportStatus.Failed)
            .SetProperty(e => e.ClaimedBy, (string?)null).SetProperty(e => e.ClaimExpiresAt, (DateTime?)null), CancellationToken.None);

    private IQueryable<BackgroundExport> Held(Guid id, string holder) =>
        db.BackgroundExports.Where(e => e.Id == id && e.ClaimedBy == holder && e.Status == BackgroundExportStatus.Running);

    private sealed class ClaimLostException : Exception;
}
