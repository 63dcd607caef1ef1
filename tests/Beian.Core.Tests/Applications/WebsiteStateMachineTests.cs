using Beian.Core.Applications;
using Beian.Core.Websites;

namespace Beian.Core.Tests.Applications;

public class WebsiteStateMachineTests
{
    private static readonly Dictionary<(WebsiteStatus, WebsiteEvent), WebsiteStatus> Legal = new()
    {
        [(WebsiteStatus.Pending, WebsiteEvent.NewApproved)] = WebsiteStatus.Filed,
        [(WebsiteStatus.Pending, WebsiteEvent.NewReturned)] = WebsiteStatus.Returned,
        [(WebsiteStatus.Pending, WebsiteEvent.NewRevoked)] = WebsiteStatus.Withdrawn,
        [(WebsiteStatus.Returned, WebsiteEvent.NewResubmitted)] = WebsiteStatus.Pending,
        [(WebsiteStatus.Returned, WebsiteEvent.NewRevoked)] = WebsiteStatus.Withdrawn,
        [(WebsiteStatus.Filed, WebsiteEvent.ChangeSubmitted)] = WebsiteStatus.Changing,
        [(WebsiteStatus.Changing, WebsiteEvent.ChangeClosed)] = WebsiteStatus.Filed,
        [(WebsiteStatus.Filed, WebsiteEvent.CancelSubmitted)] = WebsiteStatus.Cancelling,
        [(WebsiteStatus.Cancelling, WebsiteEvent.CancelApproved)] = WebsiteStatus.Cancelled,
        [(WebsiteStatus.Cancelling, WebsiteEvent.CancelClosed)] = WebsiteStatus.Filed,
        [(WebsiteStatus.Pending, WebsiteEvent.SubjectCancelled)] = WebsiteStatus.Withdrawn,
        [(WebsiteStatus.Returned, WebsiteEvent.SubjectCancelled)] = WebsiteStatus.Withdrawn,
        [(WebsiteStatus.Filed, WebsiteEvent.SubjectCancelled)] = WebsiteStatus.Cancelled,
        [(WebsiteStatus.Changing, WebsiteEvent.SubjectCancelled)] = WebsiteStatus.Cancelled,
        [(WebsiteStatus.Cancelling, WebsiteEvent.SubjectCancelled)] = WebsiteStatus.Cancelled,
    };

    public static TheoryData<WebsiteStatus, WebsiteEvent> EveryPair()
    {
        var data = new TheoryData<WebsiteStatus, WebsiteEvent>();
        foreach (var status in Enum.GetValues<WebsiteStatus>())
            foreach (var happening in Enum.GetValues<WebsiteEvent>())
                data.Add(status, happening);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_status_and_event_pair_is_either_a_listed_transition_or_refused(WebsiteStatus from, WebsiteEvent happening)
    {
        if (Legal.TryGetValue((from, happening), out var expected))
            Assert.Equal(expected, WebsiteStateMachine.Apply(from, happening));
        else
            Assert.Throws<IllegalTransitionException>(() => WebsiteStateMachine.Apply(from, happening));
    }

    [Fact]
    public void Only_live_sites_hold_their_main_domain()
    {
        Assert.True(WebsiteStateMachine.HoldsItsDomain(WebsiteStatus.Filed));
        Assert.True(WebsiteStateMachine.HoldsItsDomain(WebsiteStatus.Pending));
        Assert.False(WebsiteStateMachine.HoldsItsDomain(WebsiteStatus.Cancelled));
        Assert.False(WebsiteStateMachine.HoldsItsDomain(WebsiteStatus.Withdrawn));
        Assert.Equal("已备案", WebsiteStatus.Filed.Label());
    }
}
