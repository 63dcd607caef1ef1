using Beian.Core.Rules;
using static Beian.Core.Websites.WebsiteRuleCodes;

namespace Beian.Core.Websites;

/// <summary>是否有工信部备案号 (a required choice) and, when 是, a well-formed ICP备案号.</summary>
internal static class IcpRules
{
    public static IEnumerable<Finding> Check(WebsiteFacts facts)
    {
        if (facts.HasIcpNumber is null)
        {
            yield return Finding.Error(IcpChoiceRequired, WebsiteFields.HasIcpNumber, "请选择是否有工信部备案号");
        }
        else if (facts.HasIcpNumber.Value && IcpNumberFinding(facts.IcpNumber) is { } finding)
        {
            yield return finding;
        }
    }

    private static Finding? IcpNumberFinding(string? number)
    {
        const string field = WebsiteFields.IcpNumber;
        if (string.IsNullOrWhiteSpace(number)) return Finding.Error(IcpRequired, field, "请填写工信部备案号（如：京ICP备12345678号）");
        return IcpNumber.TryParse(number, out _, out var error) ? null : Finding.Error(IcpInvalid, field, error);
    }
}
