namespace Beian.Core.Assessments;

/// <summary>
/// Parts 四 to 九 of the assessment form: the measures 第五条 of the 2018 regulation says an assessment
/// covers, each answered in text.
/// </summary>
public enum AssessmentMeasure
{
    IdentityVerification,
    LogRetention,
    HarmfulInformation,
    PersonalInformation,
    Complaints,
    TechnicalAssistance,
}

public static class AssessmentMeasures
{
    public static IReadOnlyList<AssessmentMeasure> All { get; } = Enum.GetValues<AssessmentMeasure>();

    /// <summary>四 … 九: the part's number on the form.</summary>
    public static string Numeral(this AssessmentMeasure measure) => ((int)measure) switch
    {
        0 => "四", 1 => "五", 2 => "六", 3 => "七", 4 => "八", _ => "九",
    };

    public static string Title(this AssessmentMeasure measure) => measure switch
    {
        AssessmentMeasure.IdentityVerification => "用户真实身份核验及注册信息留存",
        AssessmentMeasure.LogRetention => "日志信息留存",
        AssessmentMeasure.HarmfulInformation => "违法有害信息防范处置",
        AssessmentMeasure.PersonalInformation => "个人信息保护及技术措施",
        AssessmentMeasure.Complaints => "投诉举报机制",
        AssessmentMeasure.TechnicalAssistance => "为监管部门提供技术协助的机制",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    /// <summary>What a good answer covers, after 第五条 of the regulation.</summary>
    public static string Guidance(this AssessmentMeasure measure) => measure switch
    {
        AssessmentMeasure.IdentityVerification =>
            "说明用户注册时如何核验真实身份（如手机号码、身份证件），未核验用户能使用哪些功能，注册信息保存的内容、方式和期限。",
        AssessmentMeasure.LogRetention =>
            "说明留存哪些日志：用户账号、操作时间、操作类型、网络源地址和目标地址、网络源端口、客户端硬件特征，以及用户发布信息的记录；留存期限（不少于六个月）和防篡改措施。",
        AssessmentMeasure.HarmfulInformation =>
            "说明对账号和群组的名称、昵称、简介、头像，以及信息发布、转发、评论、群组等功能中违法有害信息的发现、审核、处置方式和处置记录的保存。",
        AssessmentMeasure.PersonalInformation =>
            "说明个人信息收集、使用、存储的范围和保护措施（加密、访问控制、脱敏），以及防范违法有害信息传播扩散、社会动员功能失控风险的技术措施。",
        AssessmentMeasure.Complaints =>
            "说明投诉、举报的受理渠道及公布位置（如页面入口、电话、邮箱），受理和处理的流程与时限。",
        AssessmentMeasure.TechnicalAssistance =>
            "说明为网信部门、公安机关和国家安全机关依法履职提供技术、数据支持和协助的工作机制：联系人、响应时限、数据调取流程。",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };
}
