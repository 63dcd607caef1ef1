namespace Beian.Core.Content;

/// <summary>The 栏目 of the public portal that administrators write (SPEC §11, seed 000 二.2).</summary>
public enum ContentKind
{
    /// <summary>通知公告.</summary>
    Notice,
    /// <summary>备案须知.</summary>
    Guide,
    /// <summary>政策法规.</summary>
    Policy,
    /// <summary>常见问题.</summary>
    Faq,
}

public static class ContentKinds
{
    public static readonly IReadOnlyList<ContentKind> All = Enum.GetValues<ContentKind>();

    public static string Label(this ContentKind kind) => kind switch
    {
        ContentKind.Notice => "通知公告",
        ContentKind.Guide => "备案须知",
        ContentKind.Policy => "政策法规",
        ContentKind.Faq => "常见问题",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The last segment of the public path: /Public/Notices, /Public/Guide, /Public/Policies, /Public/Faq.</summary>
    public static string Slug(this ContentKind kind) => kind switch
    {
        ContentKind.Notice => "Notices",
        ContentKind.Guide => "Guide",
        ContentKind.Policy => "Policies",
        ContentKind.Faq => "Faq",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string PublicPath(this ContentKind kind) => "/Public/" + kind.Slug();

    /// <summary>"notices" → Notice (any case); null for anything else.</summary>
    public static ContentKind? FromSlug(string? slug) =>
        All.Cast<ContentKind?>().FirstOrDefault(k => string.Equals(k!.Value.Slug(), slug, StringComparison.OrdinalIgnoreCase));
}
