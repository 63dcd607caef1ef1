using Beian.Core.Rules;
using Beian.Core.Subjects;
using CoreFields = Beian.Core.Subjects.SubjectFields;

namespace Beian.Web.Features.Subjects;

/// <summary>Hands the form to the subject pre-check rules of Beian.Core (SPEC §10).</summary>
public static class SubjectContentRules
{
    public static IEnumerable<Finding> Check(SubjectForm form, DateOnly today)
    {
        if (form.Nature is not { } nature) return [];
        var facts = new SubjectFacts
        {
            Nature = nature,
            Kind = form.OrganisationKind,
            Organisation = new OrganisationFacts
            {
                Name = form.Organisation.Name,
                CertificateType = form.Organisation.CertificateType,
                CertificateNumber = form.Organisation.CertificateNumber,
                LegalRepresentative = form.Organisation.LegalRepresentative,
                OfficeProvinceCode = form.Organisation.OfficeAddress.ProvinceCode,
                OfficeAddressDetail = form.Organisation.OfficeAddress.Detail,
                RegisteredAddressDetail = form.Organisation.RegisteredAddress.Detail,
            },
            Principal = new PrincipalFacts
            {
                Name = form.Principal.Name,
                CertificateType = form.Principal.CertificateType,
                CertificateNumber = form.Principal.CertificateNumber,
                CertificateValidUntil = form.Principal.CertificateValidUntil,
                CertificateLongTerm = form.Principal.CertificateLongTerm,
                ResidenceAddressDetail = form.Principal.ResidenceAddress.Detail,
                Mobile = form.Principal.Mobile,
                OfficePhone = form.Principal.OfficePhone,
                Email = form.Principal.Email,
            },
        };
        return SubjectRules.Check(facts, today).Select(ToFormField);
    }

    /// <summary>The rules name 主办单位性质 "Kind"; the form calls it OrganisationKind.</summary>
    private static Finding ToFormField(Finding finding) =>
        finding.Field == CoreFields.Kind ? finding with { Field = "OrganisationKind" } : finding;
}
