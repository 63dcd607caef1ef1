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

    /// <summary>The label alone where it is unique, with its section where it is not ("网站负责人姓名", not "姓名").</summary>
    public string FullLabel => Key.StartsWith("People.", StringComparison.Ordinal) ? Section + Label : Label;
}

public static class FieldChanges
{
    /// <summary>
    /// 序号 / 变更字段 / 变更前 / 变更后 of every field whose value (or file) differs, in the order of the
    /// form after the change; a replaced upload reads 已更换.
    /// </summary>
    public static IReadOnlyList<Subjects.FieldChange> Between(IReadOnlyList<ReviewField> before, IReadOnlyList<ReviewField> after)
    {
        var old = before.GroupBy(f => (f.Key, f.Label)).ToDictionary(g => g.Key, g => g.First());
        var changes = new List<Subjects.FieldChange>();
        foreach (var now in after.DistinctBy(f => (f.Key, f.Label)))
        {
            var was = old.GetValueOrDefault((now.Key, now.Label));
            var changed = now.IsFile || was?.IsFile == true ? was?.FileId != now.FileId : (was?.Value ?? "") != now.Value;
            if (changed) changes.Add(new(changes.Count + 1, now.FullLabel, was?.Value ?? "", now.IsFile && was?.IsFile == true ? "已更换" : now.Value));
        }
        var kept = after.Select(f => (f.Key, f.Label)).ToHashSet();
        foreach (var gone in before.Where(f => !kept.Contains((f.Key, f.Label))))
            changes.Add(new(changes.Count + 1, gone.FullLabel, gone.Value, ""));
        return changes;
    }
}
