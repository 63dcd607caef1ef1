using System.Collections.Concurrent;
using Beian.Core.Applications;
using Beian.Web.Features.Subjects;

namespace Beian.Web.Features.Applications;

/// <summary>
/// How a change application's 变更前/变更后 table is made from its two snapshots. A business that
/// has changes registers its own; the applicant's detail page and the reviewer show the same table.
/// </summary>
public static class ChangeDiffs
{
    // Every host registers at start-up, and test hosts start in parallel: a concurrent dictionary.
    private static readonly ConcurrentDictionary<BusinessType, Func<ApplicationSnapshots, FilingApplication, IReadOnlyList<FieldChange>>> Diffs = new();

    public static void Register<TForm>(BusinessType type, Func<TForm, TForm, IReadOnlyList<FieldChange>> diff) =>
        Diffs[type] = (snapshots, application) => diff(
            snapshots.Open<TForm>(application.PreviousSnapshotCipher!),
            snapshots.Open<TForm>(application.SnapshotCipher));

    public static IReadOnlyList<FieldChange>? For(ApplicationSnapshots snapshots, FilingApplication application) =>
        application.PreviousSnapshotCipher != null && Diffs.TryGetValue(application.BusinessType, out var diff)
            ? diff(snapshots, application)
            : null;
}
