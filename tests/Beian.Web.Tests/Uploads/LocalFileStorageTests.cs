using Beian.Web.Infrastructure.Storage;

namespace Beian.Web.Tests.Uploads;

public sealed class LocalFileStorageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "beian-tests", "storage-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Saves_reads_and_deletes_under_the_root()
    {
        var storage = new LocalFileStorage(_root);
        var key = StorageKeys.New(new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc));
        Assert.Matches("^2026/11/[0-9a-f]{32}$", key);

        await storage.SaveAsync(key, new MemoryStream([1, 2, 3]));
        Assert.True(await storage.ExistsAsync(key));
        Assert.True(File.Exists(Path.Combine(_root, key)));
        await using (var read = await storage.OpenReadAsync(key))
        {
            var copy = new MemoryStream();
            await read!.CopyToAsync(copy);
            Assert.Equal(new byte[] { 1, 2, 3 }, copy.ToArray());
        }

        await storage.DeleteAsync(key);
        Assert.False(await storage.ExistsAsync(key));
        Assert.Null(await storage.OpenReadAsync(key));
        await storage.DeleteAsync(key); // again: nothing to do, no error
    }

    [Fact]
    public async Task An_existing_object_is_never_overwritten()
    {
        var storage = new LocalFileStorage(_root);
        var key = StorageKeys.New(DateTime.UtcNow);
        await storage.SaveAsync(key, new MemoryStream([1]));
        await Assert.ThrowsAsync<IOException>(() => storage.SaveAsync(key, new MemoryStream([2])));
        Assert.Equal(new byte[] { 1 }, await File.ReadAllBytesAsync(Path.Combine(_root, key)));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("../../etc/passwd")]
    [InlineData("2026/../../outside")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData("a\\..\\..\\b")]
    [InlineData("a/./b")]
    [InlineData("a//b")]
    [InlineData("Report.PDF")]
    [InlineData("")]
    public async Task A_key_cannot_escape_the_root(string key)
    {
        var storage = new LocalFileStorage(_root);
        var outside = Path.Combine(Path.GetDirectoryName(_root)!, "outside");
        await Assert.ThrowsAsync<ArgumentException>(() => storage.SaveAsync(key, new MemoryStream([1])));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.OpenReadAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.DeleteAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.ExistsAsync(key));
        Assert.False(File.Exists(outside));
    }
}
