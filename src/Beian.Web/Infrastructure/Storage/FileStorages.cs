namespace Beian.Web.Infrastructure.Storage;

/// <summary>The file store that <c>Storage:Provider</c> names: <c>Local</c> (the default) or <c>S3</c>.</summary>
public static class FileStorages
{
    public const string Local = "Local";
    public const string S3 = "S3";

    public static IFileStorage FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Storage:Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals(Local, StringComparison.OrdinalIgnoreCase))
            return LocalFileStorage.FromConfiguration(configuration, environment);
        if (provider.Equals(S3, StringComparison.OrdinalIgnoreCase))
            return S3FileStorage.FromConfiguration(configuration);
        throw new InvalidOperationException($"Storage:Provider must be {Local} or {S3}, not '{provider}'.");
    }
}
