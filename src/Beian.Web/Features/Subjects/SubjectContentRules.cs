using Beian.Core.IdentityNumbers;
using Beian.Core.Rules;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// Hands the form to the content rules of Beian.Core (certificate numbers …). Only fields that
/// are filled in are checked here; missing ones are reported by <see cref="SubjectChecks"/>.
/// </summary>
public static class SubjectContentRules
{
    public static IEnumerable<Finding> Check(SubjectForm form, DateOnly today)
    {
        if (form.IsOrganisation && form.Organisation.CertificateType is { } orgType && !string.IsNullOrWhiteSpace(form.Organisation.CertificateNumber))
        {
            var check = CertificateValidator.Check(orgType, form.Organisation.CertificateNumber, today);
            if (!check.IsValid) yield return new Finding("SUBJ-ORG-CERT", "Organisation.CertificateNumber", Severity.Error, check.Message!);
        }
        if (form.Principal.CertificateType is { } type && !string.IsNullOrWhiteSpace(form.Principal.CertificateNumber))
        {
            var check = CertificateValidator.Check(type, form.Principal.CertificateNumber, today);
            if (!check.IsValid) yield return new Finding("SUBJ-PRINCIPAL-CERT", "Principal.CertificateNumber", Severity.Error, check.Message!);
        }
    }
}
