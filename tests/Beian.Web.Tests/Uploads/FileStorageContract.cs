using System.Security.Cryptography;
using Beian.Web.Infrastructure.Storage;

namespace Beian.Web.Tests.Uploads;

/// <summary>
/// What every <see cref="IFileStorage"/> promises, run on the local disk (<see cref="LocalFileStorageTests"/>)
/// and on an S3-compatible server (<see cref="S3FileStorageTests"/>).
/// </summary>
public abstract class FileStorageContract
{
    protected abstract IFileStorage Storage { get; }

    [Fact]
    public async Task Saves_reads_and_deletes_an_object()
    {
        var storage = Storage;
        var key = StorageKeys.New(new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc));
        Assert.Matches("^2026/11/[0-9a-f]{32}$", key);
        Assert.False(await storage.ExistsAsync(key));
        Assert.Null(await storage.OpenReadAsync(key));

        await storage.SaveAsync(key, new MemoryStream([1, 2, 3]));
        Assert.True(await storage.ExistsAsync(key));
        Assert.Equal(new byte[] { 1, 2, 3 }, await ReadAllAsync(storage, key));

        await storage.DeleteAsync(key);
        Assert.False(await storage.ExistsAsync(key));
        Assert.Null(await storage.OpenReadAsync(key));
        await storage.DeleteAsync(key); // again: nothing to do, no error
    }

    [Fact]
    public async Task An_existing_object_is_never_overwritten()
    {
        var storage = Storage;
        var key = StorageKeys.New(DateTime.UtcNow);
        await storage.SaveAsync(key, new MemoryStream([1]));
        await Assert.ThrowsAnyAsync<IOException>(() => storage.SaveAsync(key, new MemoryStream([2])));
        Assert.Equal(new byte[] { 1 }, await ReadAllAsync(storage, key));
    }

    [Fact]
    public async Task The_content_is_stored_from_the_streams_current_position()
    {
        var storage = Storage;
        var key = StorageKeys.New(DateTime.UtcNow);
        await storage.SaveAsync(key, new MemoryStream([9, 9, 1, 2]) { Position = 2 });
        Assert.Equal(new byte[] { 1, 2 }, await ReadAllAsync(storage, key));
    }

    [Fact]
    public async Task A_large_upload_of_unknown_length_is_streamed_in_and_read_back_with_its_length()
    {
        var storage = Storage;
        const long size = 20L * 1024 * 1024 + 7;
        var key = StorageKeys.New(DateTime.UtcNow);
        await storage.SaveAsync(key, new GeneratedStream(size));

        await using var read = await storage.OpenReadAsync(key);
        Assert.Equal(size, StoredObjects.LengthOf(read!)); // sent as Content-Length
        Assert.Equal(SHA256.HashData(new GeneratedStream(size)), await SHA256.HashDataAsync(read!));
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
    public async Task A_key_not_of_the_platforms_shape_is_refused(string key)
    {
        var storage = Storage;
        await Assert.ThrowsAsync<ArgumentException>(() => storage.SaveAsync(key, new MemoryStream([1])));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.OpenReadAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.DeleteAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.ExistsAsync(key));
    }

    protected static async Task<byte[]> ReadAllAsync(IFileStorage storage, string key)
    {
        await using var read = await storage.OpenReadAsync(key);
        Assert.NotNull(read);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>An upload still arriving: bytes made as they are read, no length, no seeking.</summary>
    private sealed class GeneratedStream(long size) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, size - _position);
            for (var i = 0; i < n; i++) buffer[offset + i] = (byte)((_position + i) * 31 % 251);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
