namespace Beian.Web.Infrastructure.Storage;

/// <summary>
/// Files on the local disk under <c>Storage:Root</c> (default <c>App_Data/files</c> under the
/// content root, outside wwwroot). Fit for one node or a shared volume; several nodes without a
/// shared volume need the object-store implementation.
/// </summary>
public sealed class LocalFileStorage : IFileStorage
{
    private readonly string _root;

    public LocalFileStorage(string root)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(_root);
    }

    public static LocalFileStorage FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var root = configuration["Storage:Root"];
        if (string.IsNullOrWhiteSpace(root)) root = Path.Combine("App_Data", "files");
        return new LocalFileStorage(Path.IsPathRooted(root) ? root : Path.Combine(environment.ContentRootPath, root));
    }

    public string Root => _root;

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside the target, then moved: a reader never sees half a file, a crash leaves only a .tmp.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            File.Delete(path); // no exception when the file is already gone
        }
        catch (DirectoryNotFoundException)
        {
        }
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(key)));

    /// <summary>
    /// The names of every file under the root, relative and with <c>/</c>, in order: the platform's keys
    /// (<see cref="StorageKeys.IsValid"/>) and whatever else lies there (a crashed write's <c>.tmp</c>).
    /// </summary>
    public IEnumerable<string> Names() =>
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The file of a key; a key that is not of the platform's shape or would leave the root throws.</summary>
    internal string PathOf(string key)
    {
        StorageKeys.EnsureValid(key);
        var path = Path.GetFullPath(Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(_root, StringComparison.Ordinal))
            throw new ArgumentException("The key leads outside the storage root.", nameof(key));
        return path;
    }
}
