using Beian.Web.Infrastructure.Storage;
using Beian.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Uploads;

/// <summary>
/// <c>storage copy-to-s3</c>: the files under Storage:Root go into the bucket of Storage:S3, each
/// checked by SHA-256 read back from the bucket; a second run copies nothing; a differing object is
/// reported, left alone, and the command exits 1. Each case has a platform, a disk root and a bucket of
/// its own: the command copies everything under the root, so one case's files would count in another's.
/// </summary>
public sealed class StorageCommandTests(S3SqlitePlatform platform) : StorageCommandCase(platform), IClassFixture<S3SqlitePlatform>
{
    [Fact]
    public async Task Copies_the_local_files_into_the_bucket_and_a_second_run_finds_them_there()
    {
        Platform.RequireAvailable();
        var local = Local();
        var files = Enumerable.Range(1, 3).ToDictionary(n => StorageKeys.New(new DateTime(2025, n, 1, 0, 0, 0, DateTimeKind.Utc)), n => Bytes(n * 1000));
        foreach (var (key, bytes) in files) await local.SaveAsync(key, new MemoryStream(bytes));
        var leftover = Path.Combine(local.Root, "2025", "01", "abc.tmp"); // a crashed write
        await File.WriteAllBytesAsync(leftover, [1]);

        var (code, output) = await RunAsync("storage", "copy-to-s3");
        Assert.Equal(StorageCommand.Complete, code);
        Assert.Contains("已复制 3 个，已存在且一致 0 个，不一致 0 个，跳过（非存储文件）1 个", output);
        Assert.Contains("copied 3, already present 0, mismatched 0, skipped (not storage files) 1", output);
        foreach (var (key, bytes) in files) Assert.Equal(bytes, await ReadAsync(Platform.Bucket.Storage, key));
        Assert.False(await Platform.Bucket.Storage.ExistsAsync("2025/01/abc")); // nothing made of the leftover

        (code, output) = await RunAsync("storage", "copy-to-s3");
        Assert.Equal(StorageCommand.Complete, code);
        Assert.Contains("已复制 0 个，已存在且一致 3 个", output);

        Assert.Equal(StorageCommand.Error, (await RunAsync("storage", "copy-to-disk")).Code);
    }

}

public sealed class StorageCommandMismatchTests(S3SqlitePlatform platform) : StorageCommandCase(platform), IClassFixture<S3SqlitePlatform>
{
    [Fact]
    public async Task An_object_that_differs_from_its_file_is_reported_never_overwritten_and_exits_1()
    {
        Platform.RequireAvailable();
        var key = StorageKeys.New(new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        await Local().SaveAsync(key, new MemoryStream(Bytes(500)));
        await Platform.Bucket.Storage.SaveAsync(key, new MemoryStream([1, 2, 3]));

        var (code, output) = await RunAsync("storage", "copy-to-s3");
        Assert.Equal(StorageCommand.Mismatch, code);
        Assert.Contains($"mismatch: {key}", output);
        Assert.Contains("不一致 1 个", output);
        Assert.Equal(new byte[] { 1, 2, 3 }, await ReadAsync(Platform.Bucket.Storage, key));
    }
}

public abstract class StorageCommandCase(S3SqlitePlatform platform)
{
    protected S3SqlitePlatform Platform => platform;

    protected LocalFileStorage Local() =>
        new(platform.Services.GetRequiredService<IConfiguration>()["Storage:Root"]!);

    protected static byte[] Bytes(int size) => Enumerable.Range(0, size).Select(i => (byte)(i * 7 + size)).ToArray();

    protected static async Task<byte[]> ReadAsync(IFileStorage storage, string key)
    {
        await using var read = await storage.OpenReadAsync(key);
        var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        return copy.ToArray();
    }

    protected async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var code = await StorageCommand.RunAsync(platform.Services, args, output);
        return (code, output.ToString());
    }
}
