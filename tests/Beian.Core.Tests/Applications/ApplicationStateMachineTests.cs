using Beian.Core.Applications;

namespace Beian.Core.Tests.Applications;

public class ApplicationStateMachineTests
{
    private static readonly Dictionary<(ApplicationStatus, ApplicationAction), ApplicationStatus> Legal = new()
    {
        [(ApplicationStatus.Pending, ApplicationAction.Claim)] = ApplicationStatus.InReview,
        [(ApplicationStatus.Pending, ApplicationAction.Reassign)] = ApplicationStatus.Pending,
        [(ApplicationStatus.Pending, ApplicationAction.Approve)] = ApplicationStatus.Approved,
        [(ApplicationStatus.Pending, ApplicationAction.Return)] = ApplicationStatus.Returned,
        [(ApplicationStatus.Pending, ApplicationAction.Revoke)] = ApplicationStatus.Revoked,
        [(ApplicationStatus.InReview, ApplicationAction.Release)] = ApplicationStatus.Pending,
        [(ApplicationStatus.InReview, ApplicationAction.Reassign)] = ApplicationStatus.Pending,
        [(ApplicationStatus.InReview, ApplicationAction.RequestInspection)] = ApplicationStatus.Inspecting,
        [(ApplicationStatus.InReview, ApplicationAction.Approve)] = ApplicationStatus.Approved,
        [(ApplicationStatus.InReview, ApplicationAction.Return)] = ApplicationStatus.Returned,
        [(ApplicationStatus.Inspecting, ApplicationAction.RecordInspection)] = ApplicationStatus.InReview,
        [(ApplicationStatus.Inspecting, ApplicationAction.Return)] = ApplicationStatus.Returned,
        [(ApplicationStatus.Returned, ApplicationAction.Resubmit)] = ApplicationStatus.Pending,
        [(ApplicationStatus.Returned, ApplicationAction.Revoke)] = ApplicationStatus.Revoked,
    };

    public static TheoryData<ApplicationStatus, ApplicationAction> EveryPair()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationAction>();
        foreach (var status in Enum.GetValues<ApplicationStatus>())
            foreach (var action in Enum.GetValues<ApplicationAction>())
                data.Add(status, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_status_and_action_pair_is_either_a_listed_transition_or_refused(ApplicationStatus from, ApplicationAction action)
    {
        if (Legal.TryGetValue((from, action), out var expected))
        {
            Assert.True(ApplicationStateMachine.CanApply(from, action));
            Assert.Equal(expected, ApplicationStateMachine.Apply(from, action));
        }
        else
        {
            Assert.False(ApplicationStateMachine.CanApply(from, action));
            var error = Assert.Throws<IllegalTransitionException>(() => ApplicationStateMachine.Apply(from, action));
            Assert.Contains(from.Label(), error.Message);
        }
    }

    [Fact]
    public void Approved_and_revoked_applications_are_final()
    {
        foreach (var action in Enum.GetValues<ApplicationAction>())
        {
            Assert.False(ApplicationStateMachine.CanApply(ApplicationStatus.Approved, action));
            Assert.False(ApplicationStateMachine.CanApply(ApplicationStatus.Revoked, action));
        }
    }

    [Fact]
    public void A_pending_application_can_be_revoked_within_30_minutes_of_submission()
    {
        var submitted = new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
        Assert.Null(ApplicationStateMachine.RefuseRevoke(ApplicationStatus.Pending, submitted, submitted.AddMinutes(29)));
        Assert.Null(ApplicationStateMachine.RefuseRevoke(ApplicationStatus.Pending, submitted, submitted.AddMinutes(30)));
        Assert.Equal("申请提交已超过30分钟，不能撤销",
            ApplicationStateMachine.RefuseRevoke(ApplicationStatus.Pending, submitted, submitted.AddMinutes(30).AddSeconds(1)));
    }

    [Fact]
    public void An_application_under_review_or_decided_cannot_be_revoked()
    {
        var now = DateTime.UtcNow;
        Assert.Equal("申请处于“审核中”状态，不能撤销", ApplicationStateMachine.RefuseRevoke(ApplicationStatus.InReview, now, now));
        Assert.Equal("申请处于“已通过”状态，不能撤销", ApplicationStateMachine.RefuseRevoke(ApplicationStatus.Approved, now, now));
        Assert.Null(ApplicationStateMachine.RefuseRevoke(ApplicationStatus.Returned, now.AddDays(-3), now));
    }

    [Fact]
    public void Every_status_and_business_type_has_a_chinese_label()
    {
        Assert.Equal(["待审核", "审核中", "待面审/检查", "已通过", "已退回", "已撤销"], Enum.GetValues<ApplicationStatus>().Select(s => s.Label()));
        Assert.All(Enum.GetValues<BusinessType>(), t => Assert.False(string.IsNullOrEmpty(t.Label())));
        Assert.Equal("新增主体", BusinessType.NewSubject.Label());
    }
}
