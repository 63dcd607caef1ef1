using System.Runtime.CompilerServices;

namespace Beian.Web.Tests.Infrastructure;

/// <summary>
/// The suite starts dozens of platforms in one process, and each watches its settings and web root for changes: by
/// inotify, one instance per watcher, which the machine allows 128 of a user (fs.inotify.max_user_instances). Past that a
/// platform answered its login page with a 500 ("the configured user limit (128) on the number of inotify instances has
/// been reached"). Watching by polling uses none; nothing in a test edits those files.
/// </summary>
internal static class FileWatching
{
    [ModuleInitializer]
    internal static void ByPolling() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
