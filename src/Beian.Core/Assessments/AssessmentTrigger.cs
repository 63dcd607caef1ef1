namespace Beian.Core.Assessments;

/// <summary>
/// 开展评估情况: the five cases of 《具有舆论属性或社会动员能力的互联网信息服务安全评估规定》(2018) 第三条 in
/// which a provider assesses its service.
/// </summary>
public enum AssessmentTrigger
{
    Launch,
    NewTechnology,
    UserGrowth,
    Incident,
    AuthorityNotice,
}

public static class AssessmentTriggers
{
    public static IReadOnlyList<AssessmentTrigger> All { get; } = Enum.GetValues<AssessmentTrigger>();

    /// <summary>The case as the regulation words it (the form's checkbox).</summary>
    public static string Text(this AssessmentTrigger trigger) => trigger switch
    {
        AssessmentTrigger.Launch => "具有舆论属性或社会动员能力的信息服务上线，或者信息服务增设相关功能",
        AssessmentTrigger.NewTechnology => "使用新技术新应用，使信息服务的功能属性、技术实现方式、基础资源配置等发生重大变更，导致舆论属性或者社会动员能力发生重大变化",
        AssessmentTrigger.UserGrowth => "用户规模显著增加，导致信息服务的舆论属性或者社会动员能力发生重大变化",
        AssessmentTrigger.Incident => "发生违法有害信息传播扩散，表明已有安全措施难以有效防控网络安全风险",
        AssessmentTrigger.AuthorityNotice => "地市级以上网信部门或者公安机关书面通知需要进行安全评估",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    /// <summary>The case in a few words (lists, statistics, messages).</summary>
    public static string Label(this AssessmentTrigger trigger) => trigger switch
    {
        AssessmentTrigger.Launch => "上线或增设功能",
        AssessmentTrigger.NewTechnology => "使用新技术新应用",
        AssessmentTrigger.UserGrowth => "用户规模显著增加",
        AssessmentTrigger.Incident => "违法有害信息传播扩散",
        AssessmentTrigger.AuthorityNotice => "网信或公安机关书面通知",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}

/// <summary>评估方法.</summary>
public enum AssessmentMethod
{
    SelfAssessment,
    ThirdParty,
}

public static class AssessmentMethods
{
    public static IReadOnlyList<AssessmentMethod> All { get; } = Enum.GetValues<AssessmentMethod>();

    public static string Label(this AssessmentMethod method) => method switch
    {
        AssessmentMethod.SelfAssessment => "自评估",
        AssessmentMethod.ThirdParty => "委托第三方安全评估机构",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };
}
