namespace Beian.Core.Subjects;

/// <summary>The form's property paths that subject findings point at.</summary>
public static class SubjectFields
{
    public const string Kind = "Kind";
    public const string OrganisationName = "Organisation.Name";
    public const string OrganisationCertificateType = "Organisation.CertificateType";
    public const string OrganisationCertificateNumber = "Organisation.CertificateNumber";
    public const string LegalRepresentative = "Organisation.LegalRepresentative";
    public const string OfficeAddressDetail = "Organisation.OfficeAddress.Detail";
    public const string RegisteredAddressDetail = "Organisation.RegisteredAddress.Detail";
    public const string PrincipalName = "Principal.Name";
    public const string PrincipalCertificateType = "Principal.CertificateType";
    public const string PrincipalCertificateNumber = "Principal.CertificateNumber";
    public const string PrincipalCertificateValidUntil = "Principal.CertificateValidUntil";
    public const string ResidenceAddressDetail = "Principal.ResidenceAddress.Detail";
    public const string Mobile = "Principal.Mobile";
    public const string OfficePhone = "Principal.OfficePhone";
    public const string Email = "Principal.Email";
}
