namespace Beian.Web.Infrastructure.Storage;

public static class StoredObjects
{
    /// <summary>
    /// The length of a stream opened by <see cref="IFileStorage.OpenReadAsync"/> when it is known (a file,
    /// an object whose response said it), so that a response carries Content-Length whichever store sent it.
    /// </summary>
    public static long? LengthOf(Stream content) => content switch
    {
        { CanSeek: true } => content.Length - content.Position,
        S3ObjectStream s3 => s3.Length,
        _ => null,
    };
}
