using Beian.Core.Applications;
using Beian.Core.Subjects;

namespace Beian.Core.Tests.Subjects;

public class SubjectStateMachineTests
{
    private static readonly Dictionary<(SubjectStatus, SubjectEvent), SubjectStatus> Legal = new()
    {
        [(SubjectStatus.Pending, SubjectEvent.NewApproved)] = SubjectStatus.Valid,
        [(SubjectStatus.Pending, SubjectEvent.NewReturned)] = SubjectStatus.Returned,
        [(SubjectStatus.Pending, SubjectEvent.NewRevoked)] = SubjectStatus.Withdrawn,
        [(SubjectStatus.Returned, SubjectEvent.NewResubmitted)] = SubjectStatus.Pending,
        [(SubjectStatus.Returned, SubjectEvent.NewRevoked)] = SubjectStatus.Withdrawn,
        [(SubjectStatus.Valid, SubjectEvent.ChangeSubmitted)] = SubjectStatus.Changing,
        [(SubjectStatus.Changing, SubjectEvent.ChangeClosed)] = SubjectStatus.Valid,
        [(SubjectStatus.Valid, SubjectEvent.CancelSubmitted)] = SubjectStatus.Cancelling,
        [(SubjectStatus.Cancelling, SubjectEvent.CancelApproved)] = SubjectStatus.Cancelled,
        [(SubjectStatus.Cancelling, SubjectEvent.CancelClosed)] = SubjectStatus.Valid,
        [(SubjectStatus.Valid, SubjectEvent.TransferStarted)] = SubjectStatus.Transferring,
        [(SubjectStatus.Transferring, SubjectEvent.TransferClosed)] = SubjectStatus.Valid,
    };

    public static TheoryData<SubjectStatus, SubjectEvent> EveryPair()
    {
        var data = new TheoryData<SubjectStatus, SubjectEvent>();
        foreach (var status in Enum.GetValues<SubjectStatus>())
            foreach (var happening in Enum.GetValues<SubjectEvent>())
                data.Add(status, happening);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_status_and_event_pair_is_either_a_listed_transition_or_refused(SubjectStatus from, SubjectEvent happening)
    {
        if (Legal.TryGetValue((from, happening), out var expected))
        {
            Assert.Equal(expected, SubjectStateMachine.Apply(from, happening));
        }
        else
        {
            Assert.False(SubjectStateMachine.CanApply(from, happening));
            var error = Assert.Throws<IllegalTransitionException>(() => SubjectStateMachine.Apply(from, happening));
            Assert.Contains(from.Label(), error.Message);
        }
    }

    [Fact]
    public void A_cancelled_subject_accepts_nothing_more()
    {
        Assert.All(Enum.GetValues<SubjectEvent>(), e => Assert.False(SubjectStateMachine.CanApply(SubjectStatus.Cancelled, e)));
        Assert.False(SubjectStateMachine.AcceptsNewBusiness(SubjectStatus.Cancelled));
        Assert.True(SubjectStateMachine.AcceptsNewBusiness(SubjectStatus.Pending));
    }

    [Fact]
    public void Statuses_use_the_manuals_words()
    {
        Assert.Equal(["待审核", "有效", "变更中", "注销中", "移交中", "已注销", "已退回", "已撤销"],
            Enum.GetValues<SubjectStatus>().Select(s => s.Label()));
    }
}
