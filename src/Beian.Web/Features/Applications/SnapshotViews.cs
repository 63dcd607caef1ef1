using System.Collections.Concurrent;
using Beian.Core.Applications;

namespace Beian.Web.Features.Applications;

/// <summary>
/// How an application's snapshot is shown: its form type and the partial that renders it
/// read-only. A business registers its own here.
/// </summary>
public static class SnapshotViews
{
    // Every host registers at start-up, and test hosts start in parallel: a concurrent dictionary.
    private static readonly ConcurrentDictionary<BusinessType, SnapshotView> Views = new();

    public static void Register(BusinessType type, Type formType, string partialName) =>
        Views[type] = new SnapshotView(formType, partialName);

    public static SnapshotView? For(BusinessType type) => Views.GetValueOrDefault(type);
}

public sealed record SnapshotView(Type FormType, string PartialName);
