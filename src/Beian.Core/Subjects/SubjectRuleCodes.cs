namespace Beian.Core.Subjects;

/// <summary>Stable codes of the subject pre-check rules (SPEC §10, subject part).</summary>
public static class SubjectRuleCodes
{
    // 主办单位性质
    public const string KindRequired = "SUBJ-ORG-KIND-REQUIRED";

    // 主办单位名称
    public const string OrganisationNameRequired = "SUBJ-ORG-NAME-REQUIRED";
    public const string OrganisationNameDomain = "SUBJ-ORG-NAME-DOMAIN";
    public const string OrganisationNameSymbols = "SUBJ-ORG-NAME-SYMBOLS";
    public const string OrganisationNameTooShort = "SUBJ-ORG-NAME-SHORT";
    public const string OrganisationNamePersonalWord = "SUBJ-ORG-NAME-PERSONAL";
    public const string OrganisationNameLooksLikePerson = "SUBJ-ORG-NAME-PERSON";
    public const string OrganisationNameKind = "SUBJ-ORG-NAME-KIND";

    // 主办单位证件
    public const string OrganisationCertificateTypeRequired = "SUBJ-ORG-CERT-TYPE-REQUIRED";
    public const string OrganisationCertificateTypeKind = "SUBJ-ORG-CERT-TYPE-KIND";
    public const string OrganisationCertificateNumberRequired = "SUBJ-ORG-CERT-NUMBER-REQUIRED";
    public const string OrganisationCertificateNumberInvalid = "SUBJ-ORG-CERT-NUMBER-INVALID";
    public const string OrganisationCertificateNumberKind = "SUBJ-ORG-CERT-NUMBER-KIND";
    public const string OrganisationCertificateNumberRegion = "SUBJ-ORG-CERT-NUMBER-REGION";

    // 法定代表人姓名
    public const string LegalRepresentativeRequired = "SUBJ-ORG-LEGAL-REP-REQUIRED";
    public const string LegalRepresentativeName = "SUBJ-ORG-LEGAL-REP-NAME";

    // 单位办公地址 / 单位注册地址
    public const string OfficeAddressRequired = "SUBJ-ORG-OFFICE-ADDRESS-REQUIRED";
    public const string OfficeAddressInvalid = "SUBJ-ORG-OFFICE-ADDRESS-INVALID";
    public const string OfficeAddressImprecise = "SUBJ-ORG-OFFICE-ADDRESS-IMPRECISE";
    public const string RegisteredAddressInvalid = "SUBJ-ORG-REGISTERED-ADDRESS-INVALID";
    public const string RegisteredAddressImprecise = "SUBJ-ORG-REGISTERED-ADDRESS-IMPRECISE";

    // 负责人姓名
    public const string PrincipalNameRequired = "SUBJ-PRINCIPAL-NAME-REQUIRED";
    public const string PrincipalNameFake = "SUBJ-PRINCIPAL-NAME-FAKE";
    public const string PrincipalNameOrganisation = "SUBJ-PRINCIPAL-NAME-ORGANISATION";
    public const string PrincipalNameFormat = "SUBJ-PRINCIPAL-NAME-FORMAT";

    // 负责人证件
    public const string PrincipalCertificateTypeRequired = "SUBJ-PRINCIPAL-CERT-TYPE-REQUIRED";
    public const string PrincipalCertificateTypePersonal = "SUBJ-PRINCIPAL-CERT-TYPE-PERSONAL";
    public const string PrincipalCertificateNumberRequired = "SUBJ-PRINCIPAL-CERT-NUMBER-REQUIRED";
    public const string PrincipalCertificateNumberInvalid = "SUBJ-PRINCIPAL-CERT-NUMBER-INVALID";

    // 证件有效期
    public const string ValidityRequired = "SUBJ-PRINCIPAL-CERT-VALIDITY-REQUIRED";
    public const string CertificateExpired = "SUBJ-PRINCIPAL-CERT-EXPIRED";
    public const string ValidityTooFar = "SUBJ-PRINCIPAL-CERT-VALIDITY-FAR";
    public const string LongTermUnlikely = "SUBJ-PRINCIPAL-CERT-LONG-TERM";

    // 常住地址
    public const string ResidenceAddressRequired = "SUBJ-PRINCIPAL-ADDRESS-REQUIRED";
    public const string ResidenceAddressInvalid = "SUBJ-PRINCIPAL-ADDRESS-INVALID";
    public const string ResidenceAddressImprecise = "SUBJ-PRINCIPAL-ADDRESS-IMPRECISE";

    // 手机号码, 办公室电话, 电子邮件地址
    public const string MobileRequired = "SUBJ-PRINCIPAL-MOBILE-REQUIRED";
    public const string MobileInvalid = "SUBJ-PRINCIPAL-MOBILE-INVALID";
    public const string MobileFake = "SUBJ-PRINCIPAL-MOBILE-FAKE";
    public const string OfficePhoneRequired = "SUBJ-PRINCIPAL-PHONE-REQUIRED";
    public const string OfficePhoneInvalid = "SUBJ-PRINCIPAL-PHONE-INVALID";
    public const string OfficePhoneFake = "SUBJ-PRINCIPAL-PHONE-FAKE";
    public const string EmailInvalid = "SUBJ-PRINCIPAL-EMAIL-INVALID";
}
