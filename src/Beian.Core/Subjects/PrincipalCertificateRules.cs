using Beian.Core.IdentityNumbers;
using Beian.Core.Rules;
using static Beian.Core.Subjects.SubjectRuleCodes;

namespace Beian.Core.Subjects;

/// <summary>负责人证件类型, 证件号码 ("证件号应与证件类型相对应") and 证件有效期.</summary>
internal static class PrincipalCertificateRules
{
    public const int LongestPlausibleValidityYears = 20;
    public const int LongTermMinimumAge = 46;

    public static IEnumerable<Finding> Check(SubjectFacts facts, DateOnly today)
    {
        var principal = facts.Principal;
        if (principal.CertificateType is not { } type)
        {
            yield return Finding.Error(PrincipalCertificateTypeRequired, SubjectFields.PrincipalCertificateType, "请正确选择负责人证件类型");
        }
        else if (!type.IsPersonal())
        {
            yield return Finding.Error(PrincipalCertificateTypePersonal, SubjectFields.PrincipalCertificateType,
                "负责人证件类型应为个人证件（居民身份证、护照、港澳台居民证件等）");
        }

        if (string.IsNullOrWhiteSpace(principal.CertificateNumber))
        {
            yield return Finding.Error(PrincipalCertificateNumberRequired, SubjectFields.PrincipalCertificateNumber, "请填写负责人有效证件号码");
        }
        else if (principal.CertificateType is { } checkedType
                 && CertificateValidator.Check(checkedType, principal.CertificateNumber, today) is { IsValid: false } check)
        {
            yield return Finding.Error(PrincipalCertificateNumberInvalid, SubjectFields.PrincipalCertificateNumber, check.Message!);
        }
    }

    /// <summary>证件有效期: an end date or 长期有效; not expired, not implausibly far away.</summary>
    public static IEnumerable<Finding> CheckValidity(SubjectFacts facts, DateOnly today)
    {
        const string field = SubjectFields.PrincipalCertificateValidUntil;
        var principal = facts.Principal;
        if (principal.CertificateLongTerm)
        {
            if (LongTermIsUnlikely(principal, today) is { } message)
            {
                yield return Finding.Warning(LongTermUnlikely, field, message);
            }
            yield break;
        }
        if (principal.CertificateValidUntil is not { } validUntil)
        {
            yield return Finding.Error(ValidityRequired, field, "请填写证件有效期限结束日期");
        }
        else if (validUntil < today)
        {
            yield return Finding.Error(CertificateExpired, field, "证件已过有效期");
        }
        else if (validUntil > today.AddYears(LongestPlausibleValidityYears))
        {
            yield return Finding.Warning(ValidityTooFar, field, "证件有效期超过20年，请核对证件有效期限结束日期");
        }
    }

    /// <summary>
    /// Only a 居民身份证 is issued 长期有效, and only to holders aged 46 or more at issue
    /// (居民身份证法 第五条), so a younger holder cannot have one.
    /// </summary>
    private static string? LongTermIsUnlikely(PrincipalFacts principal, DateOnly today)
    {
        if (principal.CertificateType is not CertificateType.ResidentIdCard)
        {
            return principal.CertificateType is null ? null : "仅居民身份证可能长期有效，请填写证件有效期限结束日期";
        }
        var number = principal.CertificateNumber?.Trim() ?? string.Empty;
        if (Gb11643.BirthDate(number) is not { } birthDate) return null;
        return AgeOn(birthDate, today) < LongTermMinimumAge
            ? "居民身份证仅对46周岁以上公民签发长期有效证件，请核对证件有效期"
            : null;
    }

    private static int AgeOn(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year;
        return birthDate.AddYears(age) > today ? age - 1 : age;
    }
}
