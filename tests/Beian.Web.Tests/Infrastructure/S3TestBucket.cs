using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Beian.Testing;
using Beian.Web.Infrastructure.Storage;

namespace Beian.Web.Tests.Infrastructure;

/// <summary>
/// A bucket of its own on the S3-compatible server named by BEIAN_TEST_S3 (s3rver and its default
/// keys), created on first use and emptied and removed afterwards. Used as a class fixture.
/// </summary>
public sealed class S3TestBucket : IAsyncLifetime
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private S3FileStorage? _storage;

    public string Name { get; } = $"beian-test-{Guid.NewGuid():N}";

    public static string? SkipReason => TestEnvironment.S3ServiceUrl is null ? TestEnvironment.S3SkipReason : null;

    /// <summary>The storage on this bucket; skips the calling test when there is no server.</summary>
    public S3FileStorage Storage
    {
        get
        {
            RequireAvailable();
            return _storage!;
        }
    }

    public static void RequireAvailable() => Assert.SkipWhen(SkipReason != null, SkipReason ?? string.Empty);

    public S3StorageOptions Options => OptionsFor(TestEnvironment.S3ServiceUrl ?? "", Name);

    /// <summary>The platform's settings for this bucket (<c>Storage:Provider=S3</c>).</summary>
    public IDictionary<string, string?> Settings => SettingsFor(Options);

    public static S3StorageOptions OptionsFor(string serviceUrl, string bucket) => new()
    {
        ServiceUrl = serviceUrl,
        Bucket = bucket,
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        ForcePathStyle = true,
        ConnectTimeoutSeconds = 2,
    };

    public static IDictionary<string, string?> SettingsFor(S3StorageOptions options) => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = FileStorages.S3,
        ["Storage:S3:ServiceUrl"] = options.ServiceUrl,
        ["Storage:S3:Bucket"] = options.Bucket,
        ["Storage:S3:AccessKey"] = options.AccessKey,
        ["Storage:S3:SecretKey"] = options.SecretKey,
        ["Storage:S3:ForcePathStyle"] = options.ForcePathStyle.ToString(),
        ["Storage:S3:ConnectTimeoutSeconds"] = options.ConnectTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>An endpoint on loopback where nothing listens: an object store that is down.</summary>
    public static string ClosedEndpoint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    /// <summary>The bucket as anybody with its keys sees it (to put an object behind the platform's back).</summary>
    public AmazonS3Client Client() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = TestEnvironment.S3ServiceUrl,
        ForcePathStyle = true,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    public async ValueTask InitializeAsync()
    {
        if (SkipReason != null) return;
        using var client = Client();
        await client.PutBucketAsync(Name);
        _storage = new S3FileStorage(Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_storage is null) return;
        _storage.Dispose();
        using var client = Client();
        var listing = new ListObjectsV2Request { BucketName = Name };
        ListObjectsV2Response page;
        do
        {
            page = await client.ListObjectsV2Async(listing);
            foreach (var item in page.S3Objects ?? []) await client.DeleteObjectAsync(Name, item.Key);
            listing.ContinuationToken = page.NextContinuationToken;
        } while (page.IsTruncated == true);
        await client.DeleteBucketAsync(Name);
    }
}

/// <summary>The platform on SQLite with its files in a bucket of its own on the BEIAN_TEST_S3 server.</summary>
public sealed class S3SqlitePlatform : SqlitePlatform
{
    public S3TestBucket Bucket { get; } = new();

    public override string? SkipReason => S3TestBucket.SkipReason;

    protected override IDictionary<string, string?> ExtraSettings => Bucket.Settings;

    public override async ValueTask InitializeAsync()
    {
        await Bucket.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Bucket.DisposeAsync();
    }
}

/// <summary>The platform on SQLite with <c>Storage:Provider=S3</c> pointing at a port where nothing listens: the object store is down.</summary>
public sealed class S3DownPlatform : SqlitePlatform
{
    protected override IDictionary<string, string?> ExtraSettings =>
        S3TestBucket.SettingsFor(S3TestBucket.OptionsFor(S3TestBucket.ClosedEndpoint(), "beian"));
}
