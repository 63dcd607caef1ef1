using System.Collections.Concurrent;
using Beian.Core.Applications;

namespace Beian.Web.Features.Applications;

/// <summary>
/// One field of a submitted application as the reviewer reads it: the form's field path (the same
/// path that pre-check findings use, so a 退回 reason on it shows next to that field when the
/// applicant reopens the form), its section and label, its value, and — for personal data — the
/// masked value shown until the reviewer asks to see it whole; for an upload, the file.
/// </summary>
public sealed record ReviewField(string Key, string Section, string Label, string Value, string? Masked = null, Guid? FileId = null)
{
    public bool IsPersonal => Masked != null;
    public bool IsFile => FileId != null;
}

/// <summary>How each business lists its snapshot's fields for review. A business registers its own.</summary>
public static class ReviewFields
{
    // Every host registers at start-up, and test hosts start in parallel: a concurrent dictionary.
    private static readonly ConcurrentDictionary<BusinessType, Func<object, IReadOnlyList<ReviewField>>> Lists = new();

    public static void Register<TForm>(BusinessType type, Func<TForm, IReadOnlyList<ReviewField>> list) =>
        Lists[type] = snapshot => list((TForm)snapshot);

    public static IReadOnlyList<ReviewField> For(BusinessType type, object snapshot) =>
        Lists.TryGetValue(type, out var list) ? list(snapshot) : [];
}
