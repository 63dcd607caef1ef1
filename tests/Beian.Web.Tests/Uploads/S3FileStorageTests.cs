using Beian.Web.Infrastructure.Storage;
using Beian.Web.Tests.Infrastructure;

namespace Beian.Web.Tests.Uploads;

/// <summary>The storage contract on a real S3-compatible server (BEIAN_TEST_S3), and the store being down.</summary>
public sealed class S3FileStorageTests(S3TestBucket bucket) : FileStorageContract, IClassFixture<S3TestBucket>
{
    protected override IFileStorage Storage => bucket.Storage;

    [Fact]
    public async Task A_read_is_the_stores_response_streamed_not_a_copy_in_memory()
    {
        var key = StorageKeys.New(DateTime.UtcNow);
        await Storage.SaveAsync(key, new MemoryStream(new byte[300_000]));
        await using var read = await Storage.OpenReadAsync(key);
        Assert.False(read!.CanSeek);
        Assert.IsNotType<MemoryStream>(read);
        Assert.Equal(300_000, StoredObjects.LengthOf(read));
    }

    [Fact]
    public async Task A_store_that_cannot_be_reached_is_unavailable_for_every_operation()
    {
        using var down = new S3FileStorage(S3TestBucket.OptionsFor(S3TestBucket.ClosedEndpoint(), "beian"));
        var key = StorageKeys.New(DateTime.UtcNow);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => down.SaveAsync(key, new MemoryStream([1])));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => down.OpenReadAsync(key));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => down.ExistsAsync(key));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => down.DeleteAsync(key));
    }

    [Fact]
    public async Task A_bucket_that_does_not_exist_is_a_fault_of_the_settings_not_a_missing_object()
    {
        S3TestBucket.RequireAvailable();
        using var wrong = new S3FileStorage(S3TestBucket.OptionsFor(bucket.Options.ServiceUrl!, bucket.Name + "-missing"));
        var key = StorageKeys.New(DateTime.UtcNow);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => wrong.OpenReadAsync(key));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => wrong.SaveAsync(key, new MemoryStream([1])));
    }

    [Fact]
    public void Settings_without_a_bucket_are_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new S3FileStorage(new S3StorageOptions { ServiceUrl = "http://127.0.0.1:1" }));
        Assert.Contains("Storage:S3:Bucket", error.Message);
    }
}
