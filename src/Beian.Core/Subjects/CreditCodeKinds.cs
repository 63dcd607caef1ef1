using Beian.Core.IdentityNumbers;

namespace Beian.Core.Subjects;

/// <summary>
/// The registers (first one or two characters of a 统一社会信用代码, GB 32100 表1) expected for
/// each 主办单位性质. A code from another register is a warning for the reviewer, not an error:
/// a 企业单位 with "11…" (机构编制/机关) or a 社会团体 with "91…" (工商/企业) is probably the wrong kind.
/// "Y" (其他) fits every kind.
/// </summary>
public static class CreditCodeKinds
{
    private static readonly Dictionary<OrganisationKind, string[]> ExpectedPrefixes = new()
    {
        [OrganisationKind.Enterprise] = ["9", "N", "Y"],
        [OrganisationKind.GovernmentAgency] = ["11", "13", "19", "Y"],
        [OrganisationKind.PublicInstitution] = ["12", "19", "3", "A", "Y"],
        [OrganisationKind.SocialOrganization] = ["51", "59", "13", "7", "8", "Y"],
        [OrganisationKind.MilitaryUnit] = ["A", "1", "Y"],
        [OrganisationKind.MilitaryAcademy] = ["A", "1", "Y"],
        [OrganisationKind.University] = ["12", "52", "72", "1", "A", "Y"],
        [OrganisationKind.PrivateNonEnterprise] = ["52", "59", "Y"],
        [OrganisationKind.Foundation] = ["53", "59", "Y"],
        [OrganisationKind.ForeignOrganization] = ["2", "4", "6", "9", "Y"],
    };

    public static IReadOnlyList<string> ExpectedFor(OrganisationKind kind) => ExpectedPrefixes[kind];

    /// <summary>True when a valid credit code comes from a register that does not fit <paramref name="kind"/>.</summary>
    public static bool Contradicts(OrganisationKind kind, string creditCode) =>
        !ExpectedPrefixes[kind].Any(prefix => creditCode.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The credit code inside a checked organisation certificate number, if there is one.</summary>
    public static string? CreditCodeOf(CertificateCheck check) =>
        check.IsValid && UnifiedSocialCreditCode.Check(check.Normalized).IsValid ? check.Normalized : null;
}
