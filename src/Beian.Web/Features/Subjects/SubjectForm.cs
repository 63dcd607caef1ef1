using System.ComponentModel.DataAnnotations;
using Beian.Core.IdentityNumbers;
using Beian.Core.Subjects;
using Beian.Web.Features.Regions;
using Beian.Web.Infrastructure.Input;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// Everything a 开办主体 is made of, as the 新增主体 / 变更主体 form takes it (SPEC §3, seed 003's
/// field table, seed 004 §4.1.1). The same object is the draft, the application snapshot and the
/// subject's stored data; uploads are referred to by file id.
/// </summary>
public sealed class SubjectForm
{
    [Display(Name = "开办主体性质")]
    public SubjectNature? Nature { get; set; }

    [Display(Name = "主办单位性质")]
    public OrganisationKind? OrganisationKind { get; set; }

    public OrganisationSection Organisation { get; set; } = new();

    public PrincipalSection Principal { get; set; } = new();

    public bool IsOrganisation => Nature == SubjectNature.Organisation;

    /// <summary>The subject's name: the organisation's, or the person's for 个人.</summary>
    public string DisplayName => (IsOrganisation ? Organisation.Name : Principal.Name)?.Trim() ?? string.Empty;

    /// <summary>The area whose police unit reviews the subject: 单位 by office, 个人 by residence.</summary>
    public AddressInput JurisdictionAddress => IsOrganisation ? Organisation.OfficeAddress : Principal.ResidenceAddress;
}

public sealed class OrganisationSection
{
    [InputLimit(100)]
    [Display(Name = "主办单位名称")]
    public string? Name { get; set; }

    [Display(Name = "主办单位证件类型")]
    public CertificateType? CertificateType { get; set; }

    /// <summary>Kept as the validators read it (see <see cref="CertificateNumbers.Normalize"/>): a lower-case x becomes X.</summary>
    [InputLimit(30)]
    [Display(Name = "主办单位证件号")]
    public string? CertificateNumber { get; set => field = CertificateNumbers.Normalize(value); }

    [Display(Name = "主办单位有效证件")]
    public Guid? LicenceFileId { get; set; }

    [Display(Name = "单位办公地址")]
    public AddressInput OfficeAddress { get; set; } = new();

    [Display(Name = "单位注册地址")]
    public AddressInput RegisteredAddress { get; set; } = new();

    [InputLimit(50)]
    [Display(Name = "法定代表人姓名")]
    public string? LegalRepresentative { get; set; }
}

public sealed class PrincipalSection
{
    [InputLimit(50)]
    [Display(Name = "负责人姓名")]
    public string? Name { get; set; }

    [Display(Name = "负责人证件类型")]
    public CertificateType? CertificateType { get; set; }

    /// <summary>Kept as the validators read it (see <see cref="CertificateNumbers.Normalize"/>): a lower-case x becomes X.</summary>
    [InputLimit(30)]
    [Display(Name = "负责人证件号码")]
    public string? CertificateNumber { get; set => field = CertificateNumbers.Normalize(value); }

    [Display(Name = "负责人证件有效期")]
    [DataType(DataType.Date)]
    public DateOnly? CertificateValidUntil { get; set; }

    [Display(Name = "长期有效")]
    public bool CertificateLongTerm { get; set; }

    [Display(Name = "身份证人像面")]
    public Guid? IdFrontFileId { get; set; }

    [Display(Name = "身份证国徽面")]
    public Guid? IdBackFileId { get; set; }

    [Display(Name = "身份证手持")]
    public Guid? IdHandheldFileId { get; set; }

    [Display(Name = "负责人常住地址")]
    public AddressInput ResidenceAddress { get; set; } = new();

    [InputLimit(20)]
    [Display(Name = "负责人手机号码")]
    public string? Mobile { get; set; }

    [InputLimit(30)]
    [Display(Name = "办公室电话")]
    public string? OfficePhone { get; set; }

    [InputLimit(100)]
    [Display(Name = "电子邮件地址")]
    public string? Email { get; set; }
}
