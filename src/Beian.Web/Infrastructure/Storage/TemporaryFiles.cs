namespace Beian.Web.Infrastructure.Storage;

public static class TemporaryFiles
{
    /// <summary>
    /// Copies a stream that cannot seek (an upload being received) into a temporary file, deleted when
    /// the returned stream is disposed, and returns it positioned at its end.
    /// </summary>
    public static async Task<FileStream> SpoolAsync(Stream content, CancellationToken cancellationToken)
    {
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await content.CopyToAsync(spool, cancellationToken);
        return spool;
    }
}
