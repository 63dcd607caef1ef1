using Beian.Core.Applications;
using Beian.Core.Filing;
using Beian.Web.Features.Apps;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Websites;

namespace Beian.Web.Tests.Filing;

/// <summary>Records change only through named transitions that throw on an illegal move and remember who, when, from, to and why.</summary>
public class BusinessRecordTests
{
    private static readonly DateTime Monday = new(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);

    private static RecordStep Step(string who, int minutes, string why) => new(who, Monday.AddMinutes(minutes), why);

    [Fact]
    public void A_filed_app_remembers_its_moves_and_a_change_cannot_start_before_it_is_filed()
    {
        var app = App.NewPending(Guid.NewGuid(), "owner", Step("owner", 0, "新办APP申请"));

        var refused = Assert.Throws<IllegalTransitionException>(() => app.BeginChange(Step("owner", 1, "变更APP申请")));
        Assert.Equal("APP处于“待审核”状态，不能办理该业务", refused.Message);
        Assert.Equal(FilingStatus.Pending, app.Status);

        app.File("33010603000001", "浙公网安备33010603000001号", Step("reviewer", 5, "新办APP申请SQ1：审核通过"));
        app.BeginChange(Step("owner", 10, "变更APP申请"));
        app.EndChange(Step("reviewer", 20, "变更APP申请SQ2：审核通过"));

        var moves = app.TakeNewTransitions();
        Assert.Equal(["Submit", "File", "BeginChange", "EndChange"], moves.Select(m => m.Action));
        Assert.Equal([null, "Pending", "Filed", "Changing"], moves.Select(m => m.From));
        Assert.Equal(["Pending", "Filed", "Changing", "Filed"], moves.Select(m => m.To));
        Assert.Equal(["owner", "reviewer", "owner", "reviewer"], moves.Select(m => m.ActorUserId));
        Assert.All(moves, m => Assert.Equal((App.Type, app.Id), (m.RecordType, m.RecordId)));
        Assert.Equal("新办APP申请SQ1：审核通过", moves[1].Why);
        Assert.Equal(Monday.AddMinutes(5), app.FiledAt);
        Assert.Empty(app.TakeNewTransitions());
    }

    [Fact]
    public void Cancelling_the_subject_reaches_a_record_in_any_live_state_and_passes_over_a_cancelled_one()
    {
        var changing = Website.NewPending(Guid.NewGuid(), "owner", Step("owner", 0, "新办网站申请"));
        changing.File("33010602000001", "浙公网安备33010602000001号", Step("reviewer", 1, "通过"));
        changing.BeginChange(Step("owner", 2, "变更网站申请"));
        var pending = Website.NewPending(Guid.NewGuid(), "owner", Step("owner", 3, "新办网站申请"));

        Assert.True(changing.CancelWithSubject(Step("reviewer", 9, "注销主体")));
        Assert.True(pending.CancelWithSubject(Step("reviewer", 9, "注销主体")));
        Assert.Equal(FilingStatus.Cancelled, changing.Status);
        Assert.Equal(Monday.AddMinutes(9), changing.CancelledAt);
        Assert.Equal(FilingStatus.Withdrawn, pending.Status);
        Assert.False(changing.CancelWithSubject(Step("reviewer", 10, "注销主体")));
        Assert.Throws<IllegalTransitionException>(() => changing.KeepFiled(Step("reviewer", 11, "退回")));
    }

    [Fact]
    public void A_subject_is_transferred_only_while_it_is_being_handed_over_and_the_move_names_the_receiver()
    {
        var subject = Subject.NewPending("sender", Step("sender", 0, "新增主体申请"));
        Assert.Throws<IllegalTransitionException>(() => subject.TransferTo("receiver", Step("receiver", 1, "接收主体")));
        subject.Approve(Step("reviewer", 2, "通过"));
        subject.BeginTransfer(Step("sender", 3, "移交主体"));
        subject.TransferTo("receiver", Step("receiver", 4, "接收主体"));

        Assert.Equal("receiver", subject.OwnerUserId);
        var moves = subject.TakeNewTransitions();
        Assert.Equal(["Submit", "Approve", "BeginTransfer", "TransferTo"], moves.Select(m => m.Action));
        Assert.Equal("receiver", moves[^1].ActorUserId);
        Assert.Equal(("Transferring", "Valid"), (moves[^1].From, moves[^1].To));
    }
}
