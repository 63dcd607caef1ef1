using Beian.Core.Websites;

namespace Beian.Core.Assessments;

/// <summary>What of a filed service bears on 安全评估: whether it is interactive, its 服务类型, and its versions with their 更新说明.</summary>
public sealed record ServiceProfile(bool Interactive, IReadOnlyList<ServiceType> ServiceTypes, IReadOnlyList<VersionNote> Versions)
{
    public static readonly ServiceProfile Empty = new(false, [], []);
}

/// <summary>One version of an APP or 小程序 and the new functions its 更新说明 declares.</summary>
public sealed record VersionNote(string Number, string? Notes);

/// <summary>Why an assessment is due now, and the case of 第三条 it falls under.</summary>
public sealed record AssessmentPrompt(AssessmentTrigger Trigger, string Reason);

/// <summary>
/// 第三条 of the 2018 regulation read against a change: a service that starts offering interactive services
/// (论坛bbs, 即时通讯, 聊天室, 社交网络, 微博 …) or a new version that declares new functions 增设相关功能, and
/// must be assessed.
/// </summary>
public static class AssessmentDue
{
    public static AssessmentPrompt? AfterChange(ServiceProfile before, ServiceProfile after)
    {
        var reasons = new List<string>();
        var newInteractive = after.ServiceTypes.Where(t => t.IsInteractive()).Except(before.ServiceTypes).Distinct().ToList();
        if (newInteractive.Count > 0)
            reasons.Add($"增设了互联网交互服务（{string.Join("、", newInteractive.Select(t => t.DisplayName()))}）");
        else if (after.Interactive && !before.Interactive)
            reasons.Add("开始提供互联网交互服务");
        var known = before.Versions.Select(v => Normalize(v.Number)).ToHashSet();
        var newFunctions = after.Versions.Where(v => !known.Contains(Normalize(v.Number)) && !string.IsNullOrWhiteSpace(v.Notes)).ToList();
        if (newFunctions.Count > 0)
            reasons.Add($"新增版本{string.Join("、", newFunctions.Select(v => v.Number.Trim()))}增加了新功能");
        return reasons.Count == 0 ? null : new AssessmentPrompt(AssessmentTrigger.Launch, string.Join("，", reasons));
    }

    private static string Normalize(string number) => number.Trim().ToLowerInvariant();
}
