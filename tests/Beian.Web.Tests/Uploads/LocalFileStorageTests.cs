using Beian.Web.Infrastructure.Storage;

namespace Beian.Web.Tests.Uploads;

public sealed class LocalFileStorageTests : FileStorageContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "beian-tests", "storage-" + Guid.NewGuid().ToString("N"));
    private LocalFileStorage? _storage;

    protected override IFileStorage Storage => _storage ??= new LocalFileStorage(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task An_object_is_a_file_under_the_root_and_listed_by_its_key()
    {
        var key = StorageKeys.New(new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc));
        await Storage.SaveAsync(key, new MemoryStream([1, 2, 3]));
        Assert.Equal(new byte[] { 1, 2, 3 }, await File.ReadAllBytesAsync(Path.Combine(_root, key)));
        Assert.Equal([key], ((LocalFileStorage)Storage).Names());
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("2026/../../outside")]
    [InlineData("/etc/passwd")]
    public async Task A_key_cannot_escape_the_root(string key)
    {
        var outside = Path.Combine(Path.GetDirectoryName(_root)!, "outside");
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.SaveAsync(key, new MemoryStream([1])));
        Assert.False(File.Exists(outside));
    }
}
