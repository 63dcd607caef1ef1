using System.Text.RegularExpressions;

namespace Beian.Web.Infrastructure.Storage;

/// <summary>
/// Where uploaded files' bytes live: local disk by default (<see cref="LocalFileStorage"/>),
/// an S3-compatible object store when several nodes share the files. Keys are the platform's
/// own (<see cref="StorageKeys.New"/>), never a user's file name.
/// </summary>
public interface IFileStorage
{
    /// <summary>Stores <paramref name="content"/> under a new key; refuses to overwrite an existing object.</summary>
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The object's bytes, or null when there is none under the key. The caller disposes the stream.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes the object; nothing happens when it is already gone (idempotent).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>Storage keys: <c>yyyy/MM/&lt;32 hex&gt;</c>, random, lower-case, no dots, no user text.</summary>
public static partial class StorageKeys
{
    public static string New(DateTime utcNow) => $"{utcNow:yyyy}/{utcNow:MM}/{Guid.NewGuid():N}";

    /// <summary>True for a key of the platform's shape; anything else (.., absolute, backslashes) is refused.</summary>
    public static bool IsValid(string? key) => key is { Length: > 0 and <= 200 } && Shape().IsMatch(key);

    public static void EnsureValid(string key)
    {
        if (!IsValid(key)) throw new ArgumentException("Not a storage key of this platform.", nameof(key));
    }

    [GeneratedRegex("^[a-z0-9]+(/[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
