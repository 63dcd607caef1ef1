using Beian.Core.Applications;
using Beian.Web.Features.Subjects;

namespace Beian.Web.Features.Applications;

/// <summary>
/// How the shared pages treat one 业务类型: the form type of its snapshot and the partial that shows it
/// read-only, its fields for review (and 退回 reasons), its 变更前/变更后 table, where a returned one is
/// corrected, and where a revoked one goes back to 我的草稿. Each capability registers its own in DI
/// (<see cref="ApplicationKindsRegistration.AddApplicationKind"/>); nothing is filled at start-up.
/// </summary>
public sealed record ApplicationKind(
    BusinessType Type,
    Type FormType,
    string SnapshotPartial,
    Func<object, IReadOnlyList<ReviewField>> ReviewFields,
    Func<object, object, IReadOnlyList<FieldChange>>? Diff = null,
    Func<Guid, string>? CorrectionUrl = null,
    RevokedDraft? DraftOnRevoke = null);

/// <summary>A revoked application's content goes back to 我的草稿 as a draft of this type, reopened by <paramref name="FormUrl"/>.</summary>
public sealed record RevokedDraft(BusinessType DraftType, bool TargetsSubject, Func<Guid, string> FormUrl);

/// <summary>The registered <see cref="ApplicationKind"/>s by 业务类型, and their snapshots opened.</summary>
public sealed class ApplicationKinds(IEnumerable<ApplicationKind> kinds, ApplicationSnapshots snapshots)
{
    private readonly Dictionary<BusinessType, ApplicationKind> _byType = kinds.ToDictionary(k => k.Type);

    public ApplicationKind? For(BusinessType type) => _byType.GetValueOrDefault(type);

    /// <summary>The application's submitted content as its form type, or null for a type nobody registered.</summary>
    public object? SnapshotOf(FilingApplication application) =>
        For(application.BusinessType) is { } kind ? Open(application.SnapshotCipher, kind.FormType) : null;

    public IReadOnlyList<ReviewField> ReviewFieldsOf(FilingApplication application) =>
        For(application.BusinessType) is { } kind ? kind.ReviewFields(Open(application.SnapshotCipher, kind.FormType)) : [];

    /// <summary>The 变更前/变更后 table of a change, or null for anything else.</summary>
    public IReadOnlyList<FieldChange>? ChangesOf(FilingApplication application) =>
        application.PreviousSnapshotCipher != null && For(application.BusinessType) is { Diff: { } diff } kind
            ? diff(Open(application.PreviousSnapshotCipher, kind.FormType), Open(application.SnapshotCipher, kind.FormType))
            : null;

    /// <summary>A change's content before and after, as its form type; null for anything but a change.</summary>
    public (object Before, object After)? ChangeOf(FilingApplication application) =>
        application.PreviousSnapshotCipher != null && For(application.BusinessType) is { } kind
            ? (Open(application.PreviousSnapshotCipher, kind.FormType), Open(application.SnapshotCipher, kind.FormType))
            : null;

    /// <summary>Where 【详情】 of a draft reopens its form, or null for a draft of an unknown type.</summary>
    public string? DraftUrl(Drafts.Draft draft) =>
        _byType.Values.Select(k => k.DraftOnRevoke).FirstOrDefault(d => d?.DraftType == draft.BusinessType)?.FormUrl(draft.Id);

    private object Open(string cipher, Type formType) => snapshots.Open(cipher, formType);
}

public static class ApplicationKindsRegistration
{
    public static IServiceCollection AddApplicationKind(this IServiceCollection services, ApplicationKind kind) =>
        services.AddSingleton(kind);

    /// <summary>A kind whose snapshot is a <typeparamref name="TForm"/>, with typed review fields and diff.</summary>
    public static ApplicationKind Kind<TForm>(BusinessType type, string snapshotPartial, Func<TForm, IReadOnlyList<ReviewField>> reviewFields,
        Func<TForm, TForm, IReadOnlyList<FieldChange>>? diff = null, Func<Guid, string>? correctionUrl = null, RevokedDraft? draftOnRevoke = null) =>
        new(type, typeof(TForm), snapshotPartial, form => reviewFields((TForm)form),
            diff == null ? null : (before, after) => diff((TForm)before, (TForm)after), correctionUrl, draftOnRevoke);
}
