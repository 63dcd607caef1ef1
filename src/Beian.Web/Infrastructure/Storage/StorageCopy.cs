using System.Security.Cryptography;

namespace Beian.Web.Infrastructure.Storage;

/// <summary>What <see cref="StorageCopy.RunAsync"/> did: every file is in exactly one of these.</summary>
public sealed record StorageCopyReport(int Copied, int AlreadyPresent, IReadOnlyList<string> Mismatched, IReadOnlyList<string> Skipped)
{
    public bool Complete => Mismatched.Count == 0;

    public IEnumerable<string> Summary()
    {
        yield return $"已复制 {Copied} 个，已存在且一致 {AlreadyPresent} 个，不一致 {Mismatched.Count} 个，跳过（非存储文件）{Skipped.Count} 个";
        yield return $"copied {Copied}, already present {AlreadyPresent}, mismatched {Mismatched.Count}, skipped (not storage files) {Skipped.Count}";
    }
}

/// <summary>
/// Copies the files of the local disk into another store (the bucket, before <c>Storage:Provider</c>
/// becomes S3) and checks each by SHA-256, read back from the target. An object already there is
/// not written again: it is checked the same way, so running it twice is safe and the second run
/// copies nothing. A file whose object differs is reported, never overwritten.
/// </summary>
public static class StorageCopy
{
    public static async Task<StorageCopyReport> RunAsync(LocalFileStorage source, IFileStorage target, TextWriter output,
        CancellationToken cancellationToken = default)
    {
        int copied = 0, present = 0;
        var mismatched = new List<string>();
        var skipped = new List<string>();
        foreach (var name in source.Names())
        {
            if (!StorageKeys.IsValid(name) || await HashAsync(source, name, cancellationToken) is not { } local)
            {
                skipped.Add(name); // not a stored file (a crashed write's .tmp), or purged since it was listed
                continue;
            }
            var existed = await target.ExistsAsync(name, cancellationToken);
            if (!existed)
            {
                await using var file = await source.OpenReadAsync(name, cancellationToken);
                if (file is null)
                {
                    skipped.Add(name);
                    continue;
                }
                await target.SaveAsync(name, file, cancellationToken);
            }
            var remote = await HashAsync(target, name, cancellationToken);
            if (remote != local)
            {
                mismatched.Add(name);
                await output.WriteLineAsync($"  不一致 / mismatch: {name} 本地 / local sha256 {local}, 目标 / target sha256 {remote ?? "（无 / none）"}");
            }
            else if (existed) present++;
            else copied++;
        }
        return new StorageCopyReport(copied, present, mismatched, skipped);
    }

    private static async Task<string?> HashAsync(IFileStorage storage, string key, CancellationToken cancellationToken)
    {
        await using var content = await storage.OpenReadAsync(key, cancellationToken);
        return content is null ? null : Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
    }
}
