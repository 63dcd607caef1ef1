using Beian.Core.IdentityNumbers;

namespace Beian.Core.Subjects;

/// <summary>Everything the subject pre-check needs, as typed on the 新增主体 / 变更主体 form.</summary>
public sealed record SubjectFacts
{
    public SubjectNature Nature { get; init; }

    /// <summary>主办单位性质; only for <see cref="SubjectNature.Organisation"/>.</summary>
    public OrganisationKind? Kind { get; init; }

    /// <summary>主办单位信息; ignored for <see cref="SubjectNature.Individual"/>.</summary>
    public OrganisationFacts Organisation { get; init; } = new();

    /// <summary>负责人信息 (开办者信息 for 个人).</summary>
    public PrincipalFacts Principal { get; init; } = new();
}

public sealed record OrganisationFacts
{
    public string? Name { get; init; }
    public CertificateType? CertificateType { get; init; }
    public string? CertificateNumber { get; init; }
    public string? LegalRepresentative { get; init; }

    /// <summary>The province chosen for the 单位办公地址 (330000 …).</summary>
    public string? OfficeProvinceCode { get; init; }

    public string? OfficeAddressDetail { get; init; }
    public string? RegisteredAddressDetail { get; init; }
}

public sealed record PrincipalFacts
{
    public string? Name { get; init; }
    public CertificateType? CertificateType { get; init; }
    public string? CertificateNumber { get; init; }
    public DateOnly? CertificateValidUntil { get; init; }
    public bool CertificateLongTerm { get; init; }
    public string? ResidenceAddressDetail { get; init; }
    public string? Mobile { get; init; }
    public string? OfficePhone { get; init; }
    public string? Email { get; init; }
}
