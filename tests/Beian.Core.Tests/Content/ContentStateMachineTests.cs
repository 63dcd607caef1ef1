using Beian.Core.Content;

namespace Beian.Core.Tests.Content;

public class ContentStateMachineTests
{
    private static readonly Dictionary<(ContentStatus, ContentAction), ContentStatus> Legal = new()
    {
        [(ContentStatus.Draft, ContentAction.Edit)] = ContentStatus.Draft,
        [(ContentStatus.Published, ContentAction.Edit)] = ContentStatus.Published,
        [(ContentStatus.Draft, ContentAction.Publish)] = ContentStatus.Published,
        [(ContentStatus.Published, ContentAction.Unpublish)] = ContentStatus.Draft,
        [(ContentStatus.Draft, ContentAction.Delete)] = ContentStatus.Deleted,
        [(ContentStatus.Published, ContentAction.Delete)] = ContentStatus.Deleted,
    };

    public static TheoryData<ContentStatus, ContentAction> EveryPair()
    {
        var data = new TheoryData<ContentStatus, ContentAction>();
        foreach (var status in Enum.GetValues<ContentStatus>())
            foreach (var action in Enum.GetValues<ContentAction>())
                data.Add(status, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_status_and_action_pair_is_either_a_listed_transition_or_refused(ContentStatus from, ContentAction action)
    {
        if (Legal.TryGetValue((from, action), out var expected))
        {
            Assert.Equal(expected, ContentStateMachine.Apply(from, action));
            Assert.True(ContentStateMachine.Allows(from, action));
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => ContentStateMachine.Apply(from, action));
            Assert.False(ContentStateMachine.Allows(from, action));
        }
    }

    [Fact]
    public void Statuses_have_the_manual_words_and_the_platform_colours()
    {
        Assert.Equal("草稿", ContentStatus.Draft.Label());
        Assert.Equal("已发布", ContentStatus.Published.Label());
        Assert.Equal("已删除", ContentStatus.Deleted.Label());
        Assert.Equal("status-approved", ContentStatus.Published.CssClass());
        Assert.Equal("status-closed", ContentStatus.Draft.CssClass());
    }

    [Theory]
    [InlineData(ContentKind.Notice, "通知公告", "/Public/Notices")]
    [InlineData(ContentKind.Guide, "备案须知", "/Public/Guide")]
    [InlineData(ContentKind.Policy, "政策法规", "/Public/Policies")]
    [InlineData(ContentKind.Faq, "常见问题", "/Public/Faq")]
    public void Each_kind_has_its_column_name_and_public_path(ContentKind kind, string label, string path)
    {
        Assert.Equal(label, kind.Label());
        Assert.Equal(path, kind.PublicPath());
        Assert.Equal(kind, ContentKinds.FromSlug(path["/Public/".Length..].ToLowerInvariant()));
    }

    [Fact]
    public void An_unknown_slug_is_no_kind()
    {
        Assert.Null(ContentKinds.FromSlug("Query"));
        Assert.Null(ContentKinds.FromSlug(null));
    }
}
