namespace Beian.Core.Subjects;

/// <summary>开办主体性质.</summary>
public enum SubjectNature
{
    Individual,
    Organisation,
}

/// <summary>主办单位性质 (union of the manuals' lists).</summary>
public enum OrganisationKind
{
    Enterprise,
    GovernmentAgency,
    PublicInstitution,
    SocialOrganisation,
    Military,
    MilitaryAcademy,
    University,
    PrivateNonEnterprise,
    Foundation,
    ForeignOrganisation,
}

public static class SubjectNatureLabels
{
    public static string Label(this SubjectNature nature) => nature == SubjectNature.Individual ? "个人" : "单位";

    public static string Label(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Enterprise => "企业单位",
        OrganisationKind.GovernmentAgency => "政府机关",
        OrganisationKind.PublicInstitution => "事业单位",
        OrganisationKind.SocialOrganisation => "社会团体",
        OrganisationKind.Military => "国防军队",
        OrganisationKind.MilitaryAcademy => "军队院校",
        OrganisationKind.University => "高等院校",
        OrganisationKind.PrivateNonEnterprise => "民办非企业单位",
        OrganisationKind.Foundation => "基金会",
        OrganisationKind.ForeignOrganisation => "境外组织",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
