namespace Beian.Core.Content;

/// <summary>
/// 草稿 → 已发布 → (取消发布) 草稿; either may be 删除. A deleted item stays as a row, out of every
/// list, so that its history is kept and the seeder does not bring a deleted starting item back.
/// </summary>
public enum ContentStatus
{
    Draft,
    Published,
    Deleted,
}

public enum ContentAction
{
    Edit,
    Publish,
    Unpublish,
    Delete,
}

public static class ContentStateMachine
{
    /// <summary>The status after <paramref name="action"/>; throws on an illegal transition.</summary>
    public static ContentStatus Apply(ContentStatus status, ContentAction action) => (status, action) switch
    {
        (ContentStatus.Draft or ContentStatus.Published, ContentAction.Edit) => status,
        (ContentStatus.Draft, ContentAction.Publish) => ContentStatus.Published,
        (ContentStatus.Published, ContentAction.Unpublish) => ContentStatus.Draft,
        (ContentStatus.Draft or ContentStatus.Published, ContentAction.Delete) => ContentStatus.Deleted,
        _ => throw new InvalidOperationException($"{action} is not allowed while the content is {status}."),
    };

    public static bool Allows(ContentStatus status, ContentAction action)
    {
        try
        {
            Apply(status, action);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public static string Label(this ContentStatus status) => status switch
    {
        ContentStatus.Draft => "草稿",
        ContentStatus.Published => "已发布",
        ContentStatus.Deleted => "已删除",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>已发布 green as every "in force" status; 草稿 and 已删除 grey.</summary>
    public static string CssClass(this ContentStatus status) =>
        status == ContentStatus.Published ? "status-approved" : "status-closed";
}
