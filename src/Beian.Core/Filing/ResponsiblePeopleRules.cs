using Beian.Core.IdentityNumbers;
using Beian.Core.Rules;

namespace Beian.Core.Filing;

/// <summary>
/// Step ③ of every business (SPEC §4; seed 004: 网站应急联络人需承担7×24小时联络责任，建议不与网站负责人相同):
/// an 应急联络人 who is the 负责人 again is a warning. The same person is the same certificate number,
/// however it is spelt and whatever names were typed.
/// </summary>
public static class ResponsiblePeopleRules
{
    public const string EmergencyContactSameCode = "SITE-EMERGENCY-SAME";
    public const string EmergencyContactField = "People.EmergencyContact.Name";

    public static Finding? EmergencyContact(string? principalNumber, string? contactNumber, string noun) =>
        CertificateNumbers.AreSame(principalNumber, contactNumber)
            ? Finding.Warning(EmergencyContactSameCode, EmergencyContactField, SameContactWarning(noun))
            : null;

    public static string SameContactWarning(string noun) => $"{noun}应急联络人与{noun}负责人为同一人，建议另设7×24小时可联系的应急联络人";
}
