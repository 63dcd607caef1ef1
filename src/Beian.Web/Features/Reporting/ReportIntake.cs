using System.Security.Cryptography;
using System.Text;
using Beian.Core.Reporting;
using Beian.Web.Data;
using Beian.Web.Features.Audit;
using Beian.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Reporting;

/// <summary>A report taken in: the new one, or the earlier one with the same content (<see cref="Duplicate"/>), which is not read again.</summary>
public sealed record AcceptedReport(ServiceReport Report, bool Duplicate);

/// <summary>
/// Takes a report in, by file or API, for the background reading (<see cref="ReportProcessor"/>): checks that the
/// reporter may send this kind, that the file is a CSV or .xlsx of the template (its header, at once, so a wrong
/// file is refused on the spot), keeps its bytes in the file storage and queues it. The same content sent again by
/// the same reporter is the earlier report (unique by content hash), so resending changes nothing.
/// </summary>
public sealed class ReportIntake(BeianDbContext db, IFileStorage storage, AuditLog audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string? KindRefusal(Reporter reporter, ReportKind kind) =>
        !reporter.MayReport ? $"{reporter.Role.Label()}审核通过后才能上报数据"
        : !reporter.Role.Reports().Contains(kind) ? $"{reporter.Role.Label()}不能上报{kind.Label()}数据"
        : null;

    public async Task<(AcceptedReport? Accepted, string? Error)> AcceptAsync(Reporter reporter, ReportKind kind, ReportSource source, string fileName,
        Stream content, string userId, Guid? apiKeyId, CancellationToken cancellationToken = default)
    {
        if (KindRefusal(reporter, kind) is { } refusal) return (null, refusal);
        await using var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var hash = await CopyHashingAsync(content, copy, cancellationToken);
        if (copy.Length == 0) return (null, "文件是空的，请使用模板填写后上传");
        if (copy.Length > ReportFile.MaxBytes) return (null, $"文件不能超过{ReportFile.MaxBytes / 1024 / 1024}MB，请分批上报");
        if (HeaderProblem(copy, kind) is { } problem) return (null, problem);

        var earlier = await db.Set<ServiceReport>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.ReporterId == reporter.Id && r.Kind == kind && r.ContentHash == hash, cancellationToken);
        if (earlier != null) return (new AcceptedReport(earlier, Duplicate: true), null);

        var report = new ServiceReport
        {
            Id = Guid.CreateVersion7(), ReporterId = reporter.Id, Kind = kind, Source = source, FileName = SafeName(fileName, kind),
            ContentHash = hash, StorageKey = StorageKeys.New(Now), Bytes = copy.Length, Status = ReportStatus.Queued,
            SubmittedByUserId = userId, ApiKeyId = apiKeyId, CreatedAt = Now,
        };
        copy.Position = 0;
        await storage.SaveAsync(report.StorageKey, copy, cancellationToken);
        db.Add(report);
        audit.Record(AuditActions.SubmitReport, AuditObjectTypes.ServiceReport, report.Id.ToString(),
            detail: $"{reporter.Name} {kind.Label()} {source.Label()} {report.FileName} {report.Bytes}字节");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (new AcceptedReport(report, Duplicate: false), null);
        }
        catch (DbUpdateException)
        {
            // The same content sent twice at once: the other request stored it.
            db.ChangeTracker.Clear();
            await storage.DeleteAsync(report.StorageKey, cancellationToken);
            var winner = await db.Set<ServiceReport>().AsNoTracking()
                .FirstOrDefaultAsync(r => r.ReporterId == reporter.Id && r.Kind == kind && r.ContentHash == hash, cancellationToken);
            if (winner == null) throw;
            return (new AcceptedReport(winner, Duplicate: true), null);
        }
    }

    /// <summary>The rows of an API call as the template's CSV (UTF-8), so that both ways are read by the same code.</summary>
    public static byte[] ApiRowsAsCsv(ReportKind kind, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows)
    {
        var template = ReportTemplates.Of(kind);
        var text = new StringBuilder();
        text.AppendJoin(',', template.Columns.Select(c => Quote(c.Name))).Append("\r\n");
        foreach (var row in rows)
            text.AppendJoin(',', template.Columns.Select(c => Quote(row.GetValueOrDefault(c.ApiName)))).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string? value) =>
        value is null ? string.Empty
        : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    private static string? HeaderProblem(Stream copy, ReportKind kind)
    {
        if (ReportFile.Detect(copy) == null) return "请上传CSV或Excel（.xlsx）文件，可从下载中心下载模板";
        try
        {
            var first = ReportFile.Rows(copy).FirstOrDefault();
            if (first.Cells == null) return "文件是空的，请使用模板填写后上传";
            ReportHeader.Read(ReportTemplates.Of(kind), first.Cells, out var error);
            return error;
        }
        catch (Exception ex) when (ex is InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException or DecoderFallbackException)
        {
            return "文件无法读取，请上传CSV或Excel（.xlsx）文件";
        }
        finally
        {
            copy.Position = 0;
        }
    }

    private static async Task<string> CopyHashingAsync(Stream content, Stream copy, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            if (copy.Length > ReportFile.MaxBytes) break;
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string SafeName(string fileName, ReportKind kind)
    {
        var name = new string(Path.GetFileName(fileName ?? string.Empty).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length is > 0 and <= 200 ? name : ReportTemplates.Of(kind).FileName;
    }
}
