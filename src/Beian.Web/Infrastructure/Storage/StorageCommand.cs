namespace Beian.Web.Infrastructure.Storage;

/// <summary>
/// <c>dotnet run --project src/Beian.Web -- storage copy-to-s3</c>: copies the files under
/// <c>Storage:Root</c> into the bucket of <c>Storage:S3</c> (<see cref="StorageCopy"/>), prints a
/// summary and exits 0 when every file is in the bucket with the same SHA-256, 1 when one differs,
/// 2 when it could not run (settings, the object store unreachable).
/// </summary>
public static class StorageCommand
{
    public const int Complete = 0;
    public const int Mismatch = 1;
    public const int Error = 2;

    /// <summary>True when the command line is a storage command rather than the web host's arguments.</summary>
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "storage";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (args is not ["storage", "copy-to-s3", ..])
        {
            await output.WriteLineAsync("用法 / usage: storage copy-to-s3");
            return Error;
        }
        try
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var source = LocalFileStorage.FromConfiguration(configuration, services.GetRequiredService<IHostEnvironment>());
            using var target = S3FileStorage.FromConfiguration(configuration);
            await output.WriteLineAsync($"复制 {source.Root} 到存储桶 {target.Bucket} / copying {source.Root} to bucket {target.Bucket}");
            var report = await StorageCopy.RunAsync(source, target, output, cancellationToken);
            foreach (var line in report.Summary()) await output.WriteLineAsync(line);
            return report.Complete ? Complete : Mismatch;
        }
        catch (Exception ex) when (ex is StorageUnavailableException or InvalidOperationException or IOException)
        {
            await output.WriteLineAsync($"无法复制到对象存储 / cannot copy to the object store: {ex.Message}");
            return Error;
        }
    }
}
