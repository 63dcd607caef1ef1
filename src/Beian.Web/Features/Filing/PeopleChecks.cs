using Beian.Core.Accounts;
using Beian.Core.Contacts;
using Beian.Core.Filing;
using Beian.Core.IdentityNumbers;
using Beian.Core.Rules;
using Beian.Web.Features.Applications;

namespace Beian.Web.Features.Filing;

/// <summary>
/// Step ③ of every business: each person's name, certificate (valid for its type, not expired), ID
/// images, mobile and email, and the warning of <see cref="ResponsiblePeopleRules"/> when the 7×24 应急联络人 is the 负责人 again.
/// Field names are paths inside the form (People.Principal.Name …).
/// </summary>
public sealed class PeopleChecks(TimeProvider clock)
{
    public IReadOnlyList<Finding> Check(BusinessPeople people, string noun, bool offersOpinionGuide)
    {
        var findings = new List<Finding>();
        foreach (var (key, person) in people.Filled.Where(p => p.Key != "OpinionGuide" || offersOpinionGuide))
            CheckPerson(findings, $"People.{key}", person, BusinessPeople.RoleOf(key, noun));
        if (ResponsiblePeopleRules.EmergencyContact(people.Principal.CertificateNumber, people.EmergencyContact.CertificateNumber, noun) is { } same)
            findings.Add(same);
        return findings;
    }

    public static IReadOnlyList<Finding> Consent(IBusinessForm form) =>
        form.Consent ? [] : [Finding.Error("SITE-CONSENT", "Consent", "请阅读责任告知书并勾选同意")];

    private void CheckPerson(List<Finding> findings, string prefix, ResponsiblePerson person, string role)
    {
        if (string.IsNullOrWhiteSpace(person.Name)) findings.Add(Required($"{prefix}.Name", $"请填写{role}姓名"));
        if (person.CertificateType == null) findings.Add(Required($"{prefix}.CertificateType", $"请选择{role}证件类型"));
        if (string.IsNullOrWhiteSpace(person.CertificateNumber)) findings.Add(Required($"{prefix}.CertificateNumber", $"请填写{role}证件号码"));
        else if (person.CertificateType is { } type && CertificateValidator.Check(type, person.CertificateNumber, Today) is { IsValid: false } check)
            findings.Add(Finding.Error("SITE-PERSON-CERT", $"{prefix}.CertificateNumber", check.Message!));
        if (!person.CertificateLongTerm && person.CertificateValidUntil == null)
            findings.Add(Required($"{prefix}.CertificateValidUntil", "请填写证件有效期限结束日期，或勾选长期有效"));
        else if (!person.CertificateLongTerm && person.CertificateValidUntil < Today)
            findings.Add(Finding.Error("SITE-PERSON-CERT-EXPIRED", $"{prefix}.CertificateValidUntil", "证件已过有效期"));
        if (person.IdFrontFileId == null) findings.Add(Required($"{prefix}.IdFrontFileId", "请上传身份证人像面"));
        if (person.IdBackFileId == null) findings.Add(Required($"{prefix}.IdBackFileId", "请上传身份证国徽面"));
        if (string.IsNullOrWhiteSpace(person.Mobile)) findings.Add(Required($"{prefix}.Mobile", $"请填写{role}手机号码"));
        else if (!MobileNumber.IsValid(person.Mobile)) findings.Add(Finding.Error("SITE-PERSON-MOBILE", $"{prefix}.Mobile", "请填写真实的11位手机号码"));
        if (!string.IsNullOrWhiteSpace(person.Email) && !EmailAddress.IsValid(person.Email))
            findings.Add(Finding.Error("SITE-PERSON-EMAIL", $"{prefix}.Email", "电子邮件地址格式不正确"));
    }

    private static Finding Required(string field, string message) => Finding.Error("SITE-REQUIRED", field, message);

    private DateOnly Today => Beian.Core.Time.BeijingTime.DateOf(clock.GetUtcNow());
}

/// <summary>Step ③ as the reviewer reads it: each person's fields under their role, ID numbers and mobiles masked until revealed.</summary>
public static class PeopleReviewFields
{
    public static IEnumerable<ReviewField> Of(BusinessPeople people, string noun, bool offersOpinionGuide) =>
        people.Filled.Where(p => p.Key != "OpinionGuide" || offersOpinionGuide).SelectMany(p => PersonFields(p.Key, p.Person, BusinessPeople.RoleOf(p.Key, noun)));

    private static IEnumerable<ReviewField> PersonFields(string key, ResponsiblePerson person, string role)
    {
        var prefix = $"People.{key}";
        yield return new($"{prefix}.Name", role, "姓名", person.Name ?? string.Empty);
        yield return new($"{prefix}.CertificateType", role, "证件类型", person.CertificateType?.DisplayName() ?? string.Empty);
        yield return new($"{prefix}.CertificateNumber", role, "证件号码", person.CertificateNumber ?? string.Empty,
            Masking.MaskMiddle(person.CertificateNumber, 3, 4));
        yield return new($"{prefix}.CertificateValidUntil", role, "证件有效期",
            person.CertificateLongTerm ? "长期有效" : person.CertificateValidUntil?.ToString("yyyy-MM-dd") ?? string.Empty);
        yield return new($"{prefix}.IdFrontFileId", role, "身份证人像面", person.IdFrontFileId == null ? "未上传" : "已上传", FileId: person.IdFrontFileId);
        yield return new($"{prefix}.IdBackFileId", role, "身份证国徽面", person.IdBackFileId == null ? "未上传" : "已上传", FileId: person.IdBackFileId);
        yield return new($"{prefix}.Mobile", role, "手机号码", person.Mobile ?? string.Empty, MobileNumber.Mask(person.Mobile));
        yield return new($"{prefix}.Email", role, "电子邮件地址", person.Email ?? string.Empty);
    }
}
