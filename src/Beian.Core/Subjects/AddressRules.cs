using Beian.Core.Rules;
using static Beian.Core.Subjects.SubjectRuleCodes;

namespace Beian.Core.Subjects;

/// <summary>
/// 详细地址 (seed 003 "详细地址应精确到门牌号"; seed 000 农村单位应详细填写到村，城镇单位应填写到
/// 街道门牌号或信箱号): required where marked *, plausible, and precise (a warning when not).
/// </summary>
internal static class AddressRules
{
    private const string InvalidMessage = "详细地址应填写街道、门牌号等完整信息，不能只填数字或过于简短";
    private const string ImpreciseMessage = "详细地址应精确到门牌号（农村地区到村、组）";

    private sealed record AddressField(string Field, string? RequiredCode, string RequiredMessage, string InvalidCode, string ImpreciseCode);

    private static readonly AddressField Office = new(SubjectFields.OfficeAddressDetail,
        OfficeAddressRequired, "请填写单位办公详细地址", OfficeAddressInvalid, OfficeAddressImprecise);

    private static readonly AddressField Registered = new(SubjectFields.RegisteredAddressDetail,
        null, string.Empty, RegisteredAddressInvalid, RegisteredAddressImprecise);

    private static readonly AddressField Residence = new(SubjectFields.ResidenceAddressDetail,
        ResidenceAddressRequired, "请填写负责人常住详细地址", ResidenceAddressInvalid, ResidenceAddressImprecise);

    public static IEnumerable<Finding> CheckOrganisation(SubjectFacts facts, SubjectKeywords keywords) =>
        Check(Office, facts.Organisation.OfficeAddressDetail, keywords)
            .Concat(Check(Registered, facts.Organisation.RegisteredAddressDetail, keywords));

    public static IEnumerable<Finding> CheckPrincipal(SubjectFacts facts, SubjectKeywords keywords) =>
        Check(Residence, facts.Principal.ResidenceAddressDetail, keywords);

    private static IEnumerable<Finding> Check(AddressField address, string? detail, SubjectKeywords keywords)
    {
        if (string.IsNullOrWhiteSpace(detail))
        {
            if (address.RequiredCode is not null)
            {
                yield return Finding.Error(address.RequiredCode, address.Field, address.RequiredMessage);
            }
        }
        else if (!AddressDetails.IsPlausible(detail))
        {
            yield return Finding.Error(address.InvalidCode, address.Field, InvalidMessage);
        }
        else if (!AddressDetails.IsPrecise(detail, keywords))
        {
            yield return Finding.Warning(address.ImpreciseCode, address.Field, ImpreciseMessage);
        }
    }
}
