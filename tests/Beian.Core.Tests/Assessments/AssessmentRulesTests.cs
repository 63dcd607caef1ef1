using Beian.Core.Assessments;
using Beian.Core.Websites;
using Beian.Core.Rules;

namespace Beian.Core.Tests.Assessments;

public class AssessmentRulesTests
{
    private static readonly string Answer = new('测', AssessmentRules.MinMeasure);

    /// <summary>A complete self-assessment of one business: passes every rule.</summary>
    private static readonly AssessmentFacts Complete = new()
    {
        TargetCount = 1,
        Triggers = [AssessmentTrigger.Launch],
        Method = AssessmentMethod.SelfAssessment,
        OfficerName = "王安全",
        OfficerTitle = "信息安全部经理",
        OfficerPhone = "13905710001",
        OfficerEmail = "security@example.com",
        Measures = AssessmentMeasures.All.ToDictionary(m => m, _ => (string?)Answer),
        HasReport = true,
    };

    private static IReadOnlyList<string> Codes(AssessmentFacts facts) => AssessmentRules.Check(facts).Select(f => f.Code).ToList();

    [Fact]
    public void A_complete_self_assessment_passes() => Assert.Empty(AssessmentRules.Check(Complete));

    [Fact]
    public void At_least_one_business_is_picked() =>
        Assert.Equal(["SA-TARGET-REQUIRED"], Codes(Complete with { TargetCount = 0 }));

    [Fact]
    public void A_business_not_of_the_subject_is_refused_even_beside_its_own()
    {
        var findings = AssessmentRules.Check(Complete with { TargetCount = 2, ForeignTargetCount = 1 });
        var finding = Assert.Single(findings);
        Assert.Equal(AssessmentFields.Targets, finding.Field);
        Assert.Contains("当前主体已备案", finding.Message);
    }

    [Fact]
    public void At_least_one_case_of_the_regulation_is_ticked() =>
        Assert.Equal(["SA-TRIGGER-REQUIRED"], Codes(Complete with { Triggers = [] }));

    [Fact]
    public void A_third_party_assessment_names_its_institution()
    {
        Assert.Equal(["SA-INSTITUTION-REQUIRED"], Codes(Complete with { Method = AssessmentMethod.ThirdParty }));
        Assert.Equal(["SA-INSTITUTION-LENGTH"], Codes(Complete with { Method = AssessmentMethod.ThirdParty, Institution = new string('测', 101) }));
        Assert.Empty(Codes(Complete with { Method = AssessmentMethod.ThirdParty, Institution = "浙江省网络安全测评中心" }));
    }

    [Fact]
    public void The_method_is_chosen() => Assert.Equal(["SA-METHOD-REQUIRED"], Codes(Complete with { Method = null }));

    [Theory]
    [InlineData(null, "SA-OFFICER-NAME")]
    [InlineData("王安全2", "SA-OFFICER-NAME")]
    public void The_officer_has_a_real_name(string? name, string code) => Assert.Equal([code], Codes(Complete with { OfficerName = name }));

    [Theory]
    [InlineData("0571-88156273", true)]
    [InlineData("13905710001", true)]
    [InlineData("12345", false)]
    [InlineData("", false)]
    public void The_officer_is_reachable_by_mobile_or_landline(string phone, bool valid) =>
        Assert.Equal(valid, !Codes(Complete with { OfficerPhone = phone }).Contains("SA-OFFICER-PHONE"));

    [Fact]
    public void The_officer_has_a_valid_email_and_a_title()
    {
        Assert.Equal(["SA-OFFICER-EMAIL"], Codes(Complete with { OfficerEmail = "not-an-email" }));
        Assert.Equal(["SA-OFFICER-TITLE"], Codes(Complete with { OfficerTitle = " " }));
    }

    [Fact]
    public void Every_measure_is_answered_at_a_sensible_length_and_the_finding_names_it()
    {
        var measures = AssessmentMeasures.All.ToDictionary(m => m, _ => (string?)Answer);
        measures[AssessmentMeasure.LogRetention] = null;
        measures[AssessmentMeasure.Complaints] = "已建立。";
        measures[AssessmentMeasure.TechnicalAssistance] = new string('测', AssessmentRules.MaxMeasure + 1);
        var findings = AssessmentRules.Check(Complete with { Measures = measures });

        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, f => f.Field == "Measures.LogRetention" && f.Message.Contains("日志信息留存"));
        Assert.Contains(findings, f => f.Field == "Measures.Complaints" && f.Message.Contains("当前为4个字"));
        Assert.Contains(findings, f => f.Field == "Measures.TechnicalAssistance" && f.Code == "SA-MEASURE-LENGTH");
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
    }

    [Fact]
    public void The_report_is_uploaded() => Assert.Equal(["SA-REPORT-REQUIRED"], Codes(Complete with { HasReport = false }));

    [Fact]
    public void Every_measure_has_a_title_a_numeral_and_guidance()
    {
        Assert.Equal(["四", "五", "六", "七", "八", "九"], AssessmentMeasures.All.Select(m => m.Numeral()));
        Assert.All(AssessmentMeasures.All, m => Assert.True(m.Guidance().Length > 20));
        Assert.Equal(6, AssessmentMeasures.All.Select(m => m.Title()).Distinct().Count());
    }
}

public class AssessmentRequirementRulesTests
{
    [Fact]
    public void A_requirement_has_a_reason_a_case_and_a_deadline_in_range()
    {
        Assert.Empty(AssessmentRequirementRules.Check("用户规模显著增加", AssessmentTrigger.UserGrowth, AssessmentRequirementRules.DefaultWorkingDays));
        var findings = AssessmentRequirementRules.Check(" ", null, AssessmentRequirementRules.MaxWorkingDays + 1);
        Assert.Equal(["Reason", "Trigger", "WorkingDays"], findings.Select(f => f.Field));
        Assert.Single(AssessmentRequirementRules.Check(new string('因', AssessmentRequirementRules.MaxReason + 1), AssessmentTrigger.Incident, 10));
        Assert.Single(AssessmentRequirementRules.Check("原因", AssessmentTrigger.Incident, AssessmentRequirementRules.MinWorkingDays - 1));
    }
}

public class AssessmentStateMachineTests
{
    [Fact]
    public void Own_assessment_goes_pending_returned_pending_passed()
    {
        var status = AssessmentStatus.Pending;
        status = AssessmentStateMachine.Apply(status, AssessmentEvent.Returned, requiredByPolice: false);
        Assert.Equal(AssessmentStatus.Returned, status);
        status = AssessmentStateMachine.Apply(status, AssessmentEvent.Resubmitted, requiredByPolice: false);
        status = AssessmentStateMachine.Apply(status, AssessmentEvent.Approved, requiredByPolice: false);
        Assert.Equal(AssessmentStatus.Passed, status);
        Assert.True(status.IsHistory());
    }

    [Fact]
    public void A_revoked_requirement_waits_again_and_an_own_one_is_withdrawn()
    {
        Assert.Equal(AssessmentStatus.Required, AssessmentStateMachine.Apply(AssessmentStatus.Pending, AssessmentEvent.Revoked, requiredByPolice: true));
        Assert.Equal(AssessmentStatus.Withdrawn, AssessmentStateMachine.Apply(AssessmentStatus.Returned, AssessmentEvent.Revoked, requiredByPolice: false));
    }

    [Theory]
    [InlineData(AssessmentStatus.Passed, AssessmentEvent.Returned)]
    [InlineData(AssessmentStatus.Required, AssessmentEvent.Approved)]
    [InlineData(AssessmentStatus.Withdrawn, AssessmentEvent.Resubmitted)]
    [InlineData(AssessmentStatus.Required, AssessmentEvent.Revoked)]
    public void Illegal_moves_throw_in_chinese(AssessmentStatus from, AssessmentEvent happening)
    {
        var refusal = Assert.Throws<Beian.Core.Applications.IllegalTransitionException>(() => AssessmentStateMachine.Apply(from, happening, true));
        Assert.Contains("安全评估处于", refusal.Message);
    }
}

public class AssessmentDueTests
{
    private static readonly ServiceProfile Quiet = new(false, [ServiceType.News], [new("1.0.0", "首个版本")]);

    [Fact]
    public void Adding_a_forum_makes_an_assessment_due_for_going_live_with_it()
    {
        var prompt = AssessmentDue.AfterChange(Quiet, Quiet with { Interactive = true, ServiceTypes = [ServiceType.News, ServiceType.Forum] });
        Assert.NotNull(prompt);
        Assert.Equal(AssessmentTrigger.Launch, prompt.Trigger);
        Assert.Contains("论坛bbs", prompt.Reason);
    }

    [Fact]
    public void A_new_version_declaring_new_functions_makes_it_due_and_one_without_notes_does_not()
    {
        var withNotes = AssessmentDue.AfterChange(Quiet, Quiet with { Versions = [.. Quiet.Versions, new("1.1.0", "新增直播功能")] });
        Assert.Contains("1.1.0", withNotes!.Reason);
        Assert.Null(AssessmentDue.AfterChange(Quiet, Quiet with { Versions = [.. Quiet.Versions, new("1.0.1", " ")] }));
    }

    [Fact]
    public void A_change_that_adds_nothing_interactive_is_not_prompted()
    {
        Assert.Null(AssessmentDue.AfterChange(Quiet, Quiet with { ServiceTypes = [ServiceType.News, ServiceType.Music] }));
        var forum = Quiet with { Interactive = true, ServiceTypes = [ServiceType.Forum] };
        Assert.Null(AssessmentDue.AfterChange(forum, forum with { ServiceTypes = [ServiceType.Forum, ServiceType.News] }));
    }
}
