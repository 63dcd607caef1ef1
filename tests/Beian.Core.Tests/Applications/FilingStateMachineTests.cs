using Beian.Core.Filing;
using Beian.Core.Applications;
using Beian.Core.Websites;

namespace Beian.Core.Tests.Applications;

public class FilingStateMachineTests
{
    private static readonly Dictionary<(FilingStatus, FilingEvent), FilingStatus> Legal = new()
    {
        [(FilingStatus.Pending, FilingEvent.NewApproved)] = FilingStatus.Filed,
        [(FilingStatus.Pending, FilingEvent.NewReturned)] = FilingStatus.Returned,
        [(FilingStatus.Pending, FilingEvent.NewRevoked)] = FilingStatus.Withdrawn,
        [(FilingStatus.Returned, FilingEvent.NewResubmitted)] = FilingStatus.Pending,
        [(FilingStatus.Returned, FilingEvent.NewRevoked)] = FilingStatus.Withdrawn,
        [(FilingStatus.Filed, FilingEvent.ChangeSubmitted)] = FilingStatus.Changing,
        [(FilingStatus.Changing, FilingEvent.ChangeClosed)] = FilingStatus.Filed,
        [(FilingStatus.Filed, FilingEvent.CancelSubmitted)] = FilingStatus.Cancelling,
        [(FilingStatus.Cancelling, FilingEvent.CancelApproved)] = FilingStatus.Cancelled,
        [(FilingStatus.Cancelling, FilingEvent.CancelClosed)] = FilingStatus.Filed,
        [(FilingStatus.Pending, FilingEvent.SubjectCancelled)] = FilingStatus.Withdrawn,
        [(FilingStatus.Returned, FilingEvent.SubjectCancelled)] = FilingStatus.Withdrawn,
        [(FilingStatus.Filed, FilingEvent.SubjectCancelled)] = FilingStatus.Cancelled,
        [(FilingStatus.Changing, FilingEvent.SubjectCancelled)] = FilingStatus.Cancelled,
        [(FilingStatus.Cancelling, FilingEvent.SubjectCancelled)] = FilingStatus.Cancelled,
    };

    public static TheoryData<FilingStatus, FilingEvent> EveryPair()
    {
        var data = new TheoryData<FilingStatus, FilingEvent>();
        foreach (var status in Enum.GetValues<FilingStatus>())
            foreach (var happening in Enum.GetValues<FilingEvent>())
                data.Add(status, happening);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_status_and_event_pair_is_either_a_listed_transition_or_refused(FilingStatus from, FilingEvent happening)
    {
        if (Legal.TryGetValue((from, happening), out var expected))
            Assert.Equal(expected, FilingStateMachine.Apply(from, happening));
        else
            Assert.Throws<IllegalTransitionException>(() => FilingStateMachine.Apply(from, happening));
    }

    [Fact]
    public void Only_live_sites_hold_their_main_domain()
    {
        Assert.True(FilingStateMachine.IsLive(FilingStatus.Filed));
        Assert.True(FilingStateMachine.IsLive(FilingStatus.Pending));
        Assert.False(FilingStateMachine.IsLive(FilingStatus.Cancelled));
        Assert.False(FilingStateMachine.IsLive(FilingStatus.Withdrawn));
        Assert.Equal("已备案", FilingStatus.Filed.Label());
    }
}
