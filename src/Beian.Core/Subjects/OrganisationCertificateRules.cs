using Beian.Core.IdentityNumbers;
using Beian.Core.Regions;
using Beian.Core.Rules;
using static Beian.Core.Subjects.SubjectRuleCodes;

namespace Beian.Core.Subjects;

/// <summary>
/// 主办单位证件类型 and 证件号 (seed 000 填写注意事项 4): the type fits the kind, the number is
/// valid for the type, and a credit code's register does not contradict the kind nor its registration area the office's province.
/// </summary>
internal static class OrganisationCertificateRules
{
    public static IEnumerable<Finding> Check(SubjectFacts facts, DateOnly today)
    {
        var type = facts.Organisation.CertificateType;
        var kind = facts.Kind;
        if (type is null)
        {
            yield return Finding.Error(OrganisationCertificateTypeRequired, SubjectFields.OrganisationCertificateType, "请正确选择主办单位证件类型");
        }
        else if (kind is not null && TypeDoesNotFitKind(kind.Value, type.Value) is { } typeFinding)
        {
            yield return typeFinding;
        }

        var number = facts.Organisation.CertificateNumber;
        if (string.IsNullOrWhiteSpace(number))
        {
            yield return Finding.Error(OrganisationCertificateNumberRequired, SubjectFields.OrganisationCertificateNumber, "请填写正确的主办单位证件号");
            yield break;
        }
        if (type is null) yield break;

        var check = CertificateValidator.Check(type.Value, number, today);
        if (!check.IsValid)
        {
            yield return Finding.Error(OrganisationCertificateNumberInvalid, SubjectFields.OrganisationCertificateNumber, check.Message!);
        }
        else
        {
            if (kind is not null && RegisterContradictsKind(kind.Value, check) is { } registerFinding) yield return registerFinding;
            if (RegisteredOutsideOfficeProvince(facts.Organisation.OfficeProvinceCode, check) is { } regionFinding) yield return regionFinding;
        }
    }

    private static Finding? TypeDoesNotFitKind(OrganisationKind kind, CertificateType type)
    {
        if (AllowedCertificates.Allows(kind, type)) return null;
        var allowed = string.Join("、", AllowedCertificates.For(kind).Select(allowedType => allowedType.DisplayName()));
        return Finding.Error(OrganisationCertificateTypeKind, SubjectFields.OrganisationCertificateType,
            $"主办单位证件类型应与主办单位性质对应一致：{kind.DisplayName()}不能使用“{type.DisplayName()}”，请选择{allowed}");
    }

    /// <summary>
    /// Characters 3–8 of a credit code name the 登记管理机关's division; one in another province than the office
    /// is a warning (a branch office, a move, or a wrong code). Codes no longer in the catalog (abolished counties)
    /// and national registrations (10…) are not compared.
    /// </summary>
    private static Finding? RegisteredOutsideOfficeProvince(string? officeProvinceCode, CertificateCheck check)
    {
        var regions = RegionCatalog.Default;
        if (CreditCodeKinds.CreditCodeOf(check) is not { } creditCode) return null;
        if (regions.Find(officeProvinceCode) is not { Level: RegionLevel.Province } office) return null;
        var area = UnifiedSocialCreditCode.RegionCodePart(creditCode);
        if (regions.Find(area) is null || regions.ProvinceOf(area) is not { } registered || registered.Code == office.Code) return null;
        return Finding.Warning(OrganisationCertificateNumberRegion, SubjectFields.OrganisationCertificateNumber,
            $"统一社会信用代码的登记管理机关行政区划（{registered.Name}）与单位办公地址所在省份（{office.Name}）不一致，请核对");
    }

    private static Finding? RegisterContradictsKind(OrganisationKind kind, CertificateCheck check)
    {
        var creditCode = CreditCodeKinds.CreditCodeOf(check);
        if (creditCode is null || !CreditCodeKinds.Contradicts(kind, creditCode)) return null;
        var register = CreditCodeDepartments.Describe(creditCode) ?? creditCode[..2];
        return Finding.Warning(OrganisationCertificateNumberKind, SubjectFields.OrganisationCertificateNumber,
            $"统一社会信用代码显示登记类别为“{register}”，与主办单位性质“{kind.DisplayName()}”不符，请核对");
    }
}
