using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Beian.Web.Features.Police.Exports;

/// <summary>
/// A sequence read on a task of its own into a bounded buffer while the caller handles the items before: the
/// database sends an export's next rows while the workbook is being written, instead of waiting for it (the two
/// took about the same time one after the other). At most <c>capacity</c> items wait, so memory stays bounded.
/// </summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, int capacity,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => FillAsync(source, buffer.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var item in buffer.Reader.ReadAllAsync(cancellationToken)) yield return item;
        }
        finally
        {
            // The caller stopped early or failed: the source is let go before this returns, never used after.
            await stop.CancelAsync();
            await reader;
        }
    }

    private static async Task FillAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken)) await buffer.WriteAsync(item, cancellationToken);
            buffer.Complete();
        }
        catch (Exception exception)
        {
            buffer.Complete(exception);
        }
    }
}
