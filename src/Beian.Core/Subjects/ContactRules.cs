using Beian.Core.Accounts;
using Beian.Core.Contacts;
using Beian.Core.Rules;
using static Beian.Core.Subjects.SubjectRuleCodes;

namespace Beian.Core.Subjects;

/// <summary>
/// 手机号码 (required, "请填写真实的11位手机号码"), 办公室电话 ("个人可不填", 0086-区号-电话号码)
/// and 电子邮件地址 (optional in seed 004); no obviously fake numbers (seed 000: 010-00000000).
/// </summary>
internal static class ContactRules
{
    public static IEnumerable<Finding> Check(SubjectFacts facts, SubjectKeywords keywords)
    {
        if (Mobile(facts.Principal.Mobile, keywords) is { } mobile) yield return mobile;
        if (OfficePhone(facts.Principal.OfficePhone, facts.Nature) is { } phone) yield return phone;
        if (Email(facts.Principal.Email) is { } email) yield return email;
    }

    private static Finding? Mobile(string? mobile, SubjectKeywords keywords)
    {
        const string field = SubjectFields.Mobile;
        if (string.IsNullOrWhiteSpace(mobile)) return Finding.Error(MobileRequired, field, "请填写真实的11位手机号码");
        if (!MobileNumber.IsValid(mobile)) return Finding.Error(MobileInvalid, field, "请填写正确的负责人手机号码（11位中国大陆手机号码）");
        if (FakeNumbers.IsFakeMobile(mobile, keywords)) return Finding.Error(MobileFake, field, "手机号码明显不真实，请填写真实的11位手机号码");
        return null;
    }

    /// <summary>Required for a 单位; the fake test comes first because 010-00000000 is not well-formed either.</summary>
    private static Finding? OfficePhone(string? phone, SubjectNature nature)
    {
        const string field = SubjectFields.OfficePhone;
        if (string.IsNullOrWhiteSpace(phone))
        {
            return nature == SubjectNature.Organisation
                ? Finding.Error(OfficePhoneRequired, field, "请填写真实的电话号码（个人可不填）")
                : null;
        }
        if (FakeNumbers.IsFakeLandline(phone)) return Finding.Error(OfficePhoneFake, field, "办公室电话明显不真实，不得填写“010-00000000”等号码");
        if (!Landline.IsValid(phone)) return Finding.Error(OfficePhoneInvalid, field, "办公室电话格式应为：国家号码(默认:0086)-区号-电话号码，如：010-xxxxxxxx");
        return null;
    }

    private static Finding? Email(string? email) =>
        !string.IsNullOrWhiteSpace(email) && !EmailAddress.IsValid(email)
            ? Finding.Error(EmailInvalid, SubjectFields.Email, "请填写真实的邮箱地址")
            : null;
}
