using System.Text.Json;
using System.Text.Json.Serialization;

namespace Beian.Web.Features.Police.Exports;

/// <summary>
/// A police list that 【导出Excel】 writes: its rows for an officer under a filter, the filter kept as
/// text so that a background export writes later exactly what the list page selected.
/// </summary>
public interface IListExport
{
    /// <summary>Queue, Websites …: how a background export names its list.</summary>
    string Kind { get; }

    /// <summary>待审核申请, 已备案网站 …: the sheet's and the file's name.</summary>
    string Title { get; }

    IReadOnlyList<string> Columns { get; }

    /// <summary>The rows, read as the writer asks for them.</summary>
    IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(Officer officer, string filter, CancellationToken cancellationToken);
}

/// <summary>A list export whose filter is a record of the list page's fields.</summary>
public abstract class ListExport<TFilter> : IListExport where TFilter : class
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public abstract string Kind { get; }
    public abstract string Title { get; }
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>The rows the list page would show on all its pages, counted.</summary>
    public abstract Task<long> CountAsync(Officer officer, TFilter filter, CancellationToken cancellationToken);

    public abstract IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(Officer officer, TFilter filter, CancellationToken cancellationToken);

    public string Serialize(TFilter filter) => JsonSerializer.Serialize(filter, Json);

    IAsyncEnumerable<IReadOnlyList<object?>> IListExport.RowsAsync(Officer officer, string filter, CancellationToken cancellationToken) =>
        RowsAsync(officer, JsonSerializer.Deserialize<TFilter>(filter, Json) ?? throw new InvalidOperationException("Empty export filter."),
            cancellationToken);
}
