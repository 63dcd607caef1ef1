namespace Beian.Core.Subjects;

/// <summary>开办主体性质: 个人 (a natural person, not a sole trader) or 单位 (any organisation).</summary>
public enum SubjectNature
{
    Individual,
    Organisation,
}

/// <summary>主办单位性质 of a 单位 subject (union of the manuals' lists).</summary>
public enum OrganisationKind
{
    Enterprise,
    GovernmentAgency,
    PublicInstitution,
    SocialOrganization,
    MilitaryUnit,
    MilitaryAcademy,
    University,
    PrivateNonEnterprise,
    Foundation,
    ForeignOrganization,
}

public static class SubjectNatures
{
    public static string DisplayName(this SubjectNature nature) => nature switch
    {
        SubjectNature.Individual => "个人",
        SubjectNature.Organisation => "单位",
        _ => throw new ArgumentOutOfRangeException(nameof(nature), nature, null),
    };
}

public static class OrganisationKinds
{
    private static readonly Dictionary<OrganisationKind, string> Names = new()
    {
        [OrganisationKind.Enterprise] = "企业单位",
        [OrganisationKind.GovernmentAgency] = "政府机关",
        [OrganisationKind.PublicInstitution] = "事业单位",
        [OrganisationKind.SocialOrganization] = "社会团体",
        [OrganisationKind.MilitaryUnit] = "国防军队",
        [OrganisationKind.MilitaryAcademy] = "军队院校",
        [OrganisationKind.University] = "高等院校",
        [OrganisationKind.PrivateNonEnterprise] = "民办非企业单位",
        [OrganisationKind.Foundation] = "基金会",
        [OrganisationKind.ForeignOrganization] = "境外组织",
    };

    /// <summary>In the order of the form's drop-down.</summary>
    public static IReadOnlyList<OrganisationKind> All { get; } = Enum.GetValues<OrganisationKind>();

    public static string DisplayName(this OrganisationKind kind) => Names[kind];

    public static OrganisationKind? FromDisplayName(string? displayName)
    {
        foreach (var (kind, name) in Names)
        {
            if (name == displayName?.Trim()) return kind;
        }
        return null;
    }

    /// <summary>Every kind except 境外组织 is registered in mainland China.</summary>
    public static bool IsDomestic(this OrganisationKind kind) => kind != OrganisationKind.ForeignOrganization;
}
