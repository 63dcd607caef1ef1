using Beian.Core.Applications;
using Beian.Core.Reporting;

namespace Beian.Core.Tests.Reporting;

public class ReporterStateMachineTests
{
    private static readonly Dictionary<(ReporterStatus, ReporterEvent), ReporterStatus> Legal = new()
    {
        [(ReporterStatus.Pending, ReporterEvent.Returned)] = ReporterStatus.Returned,
        [(ReporterStatus.Returned, ReporterEvent.Resubmitted)] = ReporterStatus.Pending,
        [(ReporterStatus.Pending, ReporterEvent.Approved)] = ReporterStatus.Approved,
        [(ReporterStatus.Pending, ReporterEvent.Revoked)] = ReporterStatus.Withdrawn,
        [(ReporterStatus.Returned, ReporterEvent.Revoked)] = ReporterStatus.Withdrawn,
        [(ReporterStatus.Pending, ReporterEvent.Cancelled)] = ReporterStatus.Cancelled,
        [(ReporterStatus.Returned, ReporterEvent.Cancelled)] = ReporterStatus.Cancelled,
        [(ReporterStatus.Approved, ReporterEvent.Cancelled)] = ReporterStatus.Cancelled,
    };

    public static TheoryData<ReporterStatus, ReporterEvent> EveryPair()
    {
        var data = new TheoryData<ReporterStatus, ReporterEvent>();
        foreach (var status in Enum.GetValues<ReporterStatus>())
            foreach (var happening in Enum.GetValues<ReporterEvent>())
                data.Add(status, happening);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_status_and_event_is_either_a_listed_transition_or_refused(ReporterStatus from, ReporterEvent happening)
    {
        if (Legal.TryGetValue((from, happening), out var expected))
            Assert.Equal(expected, ReporterStateMachine.Apply(from, happening));
        else
            Assert.Throws<IllegalTransitionException>(() => ReporterStateMachine.Apply(from, happening));
    }

    [Fact]
    public void An_illegal_transition_says_the_status_and_what_was_tried()
    {
        var refused = Assert.Throws<IllegalTransitionException>(() => ReporterStateMachine.Apply(ReporterStatus.Approved, ReporterEvent.Returned));
        Assert.Equal("申请处于“已通过”状态，不能退回", refused.Message);
        refused = Assert.Throws<IllegalTransitionException>(() => ReporterStateMachine.Apply(ReporterStatus.Withdrawn, ReporterEvent.Approved));
        Assert.Equal("申请处于“已撤销”状态，不能审核通过", refused.Message);
    }

    [Fact]
    public void Withdrawn_and_cancelled_are_final()
    {
        foreach (var happening in Enum.GetValues<ReporterEvent>())
        {
            Assert.Throws<IllegalTransitionException>(() => ReporterStateMachine.Apply(ReporterStatus.Withdrawn, happening));
            Assert.Throws<IllegalTransitionException>(() => ReporterStateMachine.Apply(ReporterStatus.Cancelled, happening));
        }
    }

    [Fact]
    public void Statuses_have_their_words_and_colours_and_the_live_ones_are_listed()
    {
        Assert.Equal(["待审核", "已退回", "已通过", "已撤销", "已注销"], Enum.GetValues<ReporterStatus>().Select(s => s.Label()));
        Assert.Equal("status-pending", ReporterStatus.Pending.CssClass());
        Assert.Equal("status-returned", ReporterStatus.Returned.CssClass());
        Assert.Equal("status-approved", ReporterStatus.Approved.CssClass());
        Assert.Equal("status-closed", ReporterStatus.Withdrawn.CssClass());
        Assert.Equal("status-closed", ReporterStatus.Cancelled.CssClass());
        Assert.Equal([ReporterStatus.Pending, ReporterStatus.Returned, ReporterStatus.Approved], ReporterStatuses.Live);
    }
}
