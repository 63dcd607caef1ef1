using System.Net;
using System.Net.Sockets;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Beian.Web.Infrastructure.Storage;

/// <summary>Settings under <c>Storage:S3</c>, used when <c>Storage:Provider</c> is <c>S3</c>.</summary>
public sealed class S3StorageOptions
{
    /// <summary>The endpoint of an S3-compatible server, e.g. <c>http://10.0.0.5:9000</c>; empty for Amazon S3 itself in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string Bucket { get; set; } = "";

    /// <summary>With no access key the SDK's own credential chain is used (environment, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>The bucket in the path (<c>http://host/bucket/key</c>) rather than in the host name, as most self-hosted servers need.</summary>
    public bool ForcePathStyle { get; set; } = true;

    public string Region { get; set; } = "us-east-1";

    /// <summary>How long to wait for a connection before the store counts as unavailable.</summary>
    public double ConnectTimeoutSeconds { get; set; } = 5;
}

/// <summary>
/// Files in one bucket of an S3-compatible object store, for several nodes that share them. Bytes are
/// streamed both ways: an upload is sent from the caller's stream (spooled to a temporary file
/// first only when it cannot seek), a read is the object's response stream. Every failure to
/// reach the store is a <see cref="StorageUnavailableException"/>.
/// </summary>
public sealed class S3FileStorage : IFileStorage, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;

    public S3FileStorage(S3StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Bucket))
            throw new InvalidOperationException("Storage:S3:Bucket is required when Storage:Provider is S3.");
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            ConnectTimeout = TimeSpan.FromSeconds(options.ConnectTimeoutSeconds),
            // Checksums only where S3 requires them: S3-compatible servers often reject the trailing
            // checksums the SDK would otherwise add to every upload.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        _client = string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
        _bucket = options.Bucket;
    }

    public static S3FileStorage FromConfiguration(IConfiguration configuration) =>
        new(configuration.GetSection("Storage:S3").Get<S3StorageOptions>() ?? new S3StorageOptions());

    public string Bucket => _bucket;

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        if (await ExistsAsync(key, cancellationToken)) throw new IOException($"An object exists already under {key}.");
        await using var spool = content.CanSeek ? null : await TemporaryFiles.SpoolAsync(content, cancellationToken);
        if (spool != null) spool.Position = 0;
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = spool ?? content,
            AutoCloseStream = false,
            AutoResetStreamPosition = false,
            // A plain body with its length: S3-compatible servers do not all decode aws-chunked uploads.
            UseChunkEncoding = false,
            // The store itself refuses when another writer got there between the check and the upload.
            IfNoneMatch = "*",
        };
        try
        {
            await CallAsync(() => _client.PutObjectAsync(request, cancellationToken), cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            throw new IOException($"An object exists already under {key}.", e);
        }
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        StorageKeys.EnsureValid(key);
        try
        {
            var response = await CallAsync(() => _client.GetObjectAsync(_bucket, key, cancellationToken), cancellationToken);
            return new S3ObjectStream(response);
        }
        catch (AmazonS3Exception e) when (IsMissingObject(e))
        {
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        StorageKeys.EnsureValid(key);
        // S3 answers a delete of a missing object with success: idempotent as the interface asks.
        return CallAsync(() => _client.DeleteObjectAsync(_bucket, key, cancellationToken), cancellationToken);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        StorageKeys.EnsureValid(key);
        try
        {
            await CallAsync(() => _client.GetObjectMetadataAsync(_bucket, key, cancellationToken), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (IsMissingObject(e))
        {
            return false;
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Runs one request; a store that cannot be reached or fails becomes <see cref="StorageUnavailableException"/>.</summary>
    private async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (IsOutage(e, cancellationToken))
        {
            throw new StorageUnavailableException($"The object store (bucket {_bucket}) is unavailable: {e.Message}", e);
        }
    }

    /// <summary>A missing object (404), but not a missing bucket, which is a fault of the settings.</summary>
    private static bool IsMissingObject(AmazonS3Exception e) => e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket";

    private static bool IsOutage(Exception e, CancellationToken cancellationToken) => e switch
    {
        AmazonS3Exception s3 when IsMissingObject(s3) || s3.StatusCode == HttpStatusCode.PreconditionFailed => false,
        AmazonServiceException or AmazonClientException or HttpRequestException or SocketException => true,
        // A timeout of the SDK, not the caller giving up.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
