using System.ComponentModel.DataAnnotations;
using Beian.Core.IdentityNumbers;
using Beian.Core.Uploads;
using Beian.Core.Websites;
using Beian.Web.Features.Subjects;
using Beian.Web.Infrastructure.Input;

namespace Beian.Web.Features.Filing;

/// <summary>
/// Everything the wizard of a business collects (SPEC §4, §5): ① the subject (by id, shown read-only),
/// ② the business's own basic information, ③ its people, ④ the consent. The same object is the wizard's
/// draft, the application snapshot and the record's stored data.
/// </summary>
public interface IBusinessForm
{
    Guid SubjectId { get; set; }
    IBasicInfo BasicInfoSection { get; set; }
    BusinessPeople People { get; set; }
    bool Consent { get; set; }
}

/// <summary>A business form whose step ② is <typeparamref name="TBasic"/>.</summary>
public abstract class BusinessForm<TBasic> : IBusinessForm where TBasic : class, IBasicInfo, new()
{
    public Guid SubjectId { get; set; }

    public TBasic BasicInfo { get; set; } = new();

    public BusinessPeople People { get; set; } = new();

    [Display(Name = "我已阅知上述告知事项，保证提交内容真实有效，承诺履行上述网络安全义务。")]
    public bool Consent { get; set; }

    IBasicInfo IBusinessForm.BasicInfoSection
    {
        get => BasicInfo;
        set => BasicInfo = (TBasic)value;
    }
}

/// <summary>Step ② of a business: its name, whether it is interactive, and the upload slots it posts.</summary>
public interface IBasicInfo
{
    string? Name { get; }

    bool? ProvidesInteractiveServices { get; }

    /// <summary>The upload slots the section shows now (a 资质证明 only for a ticked kind …).</summary>
    IEnumerable<FileSlot> FileSlots();
}

/// <summary>
/// One upload slot of a form: the key that names its input (<see cref="FormSlots.FieldName"/>), what it
/// takes, the file it holds and how to set it, and the form field its findings point at.
/// </summary>
public sealed record FileSlot(string Key, UploadPurpose Purpose, Guid? Current, Action<Guid?> Set, string Field, string Label, bool Required = false);

/// <summary>
/// 服务类型, 互联网危险物品信息, 相关前置许可 and 语种: the part of step ② websites, APPs and 小程序 share
/// (seed 003), with the same field names, so one partial and one set of rules serve them all.
/// </summary>
public interface IServiceDeclaration
{
    bool? ProvidesInteractiveServices { get; set; }
    List<ServiceType> ServiceTypes { get; set; }
    bool? PublishesDangerousGoods { get; set; }
    List<DangerousGoods> DangerousGoods { get; set; }
    Dictionary<DangerousGoods, Guid> DangerousGoodsFiles { get; set; }
    bool? HasPrePermits { get; set; }
    List<PrePermit> PrePermits { get; set; }
    Dictionary<PrePermit, Guid> PrePermitFiles { get; set; }
    List<SiteLanguage> Languages { get; set; }
}

/// <summary>The answers of <see cref="IServiceDeclaration"/>, declared once for the step ② of every business.</summary>
public abstract class ServiceDeclarationFields : IServiceDeclaration
{
    [Display(Name = "是否提供互联网交互服务")]
    public bool? ProvidesInteractiveServices { get; set; }

    [Display(Name = "服务类型")]
    public List<ServiceType> ServiceTypes { get; set; } = [];

    [Display(Name = "是否提供涉及管制物品信息发布服务")]
    public bool? PublishesDangerousGoods { get; set; }

    public List<DangerousGoods> DangerousGoods { get; set; } = [];

    /// <summary>The 资质证明 file of each ticked kind.</summary>
    public Dictionary<DangerousGoods, Guid> DangerousGoodsFiles { get; set; } = [];

    [Display(Name = "是否有相关前置许可")]
    public bool? HasPrePermits { get; set; }

    public List<PrePermit> PrePermits { get; set; } = [];

    /// <summary>The 许可证明文件 of each ticked permit.</summary>
    public Dictionary<PrePermit, Guid> PrePermitFiles { get; set; } = [];

    [Display(Name = "语种")]
    public List<SiteLanguage> Languages { get; set; } = [];
}

public static class ServiceDeclarations
{
    /// <summary>What the service-declaration rules look at: the answers, and each ticked kind with whether its proof is uploaded.</summary>
    public static Beian.Core.Filing.ServiceDeclarationFacts Facts(this IServiceDeclaration declared) => new()
    {
        ProvidesInteractiveServices = declared.ProvidesInteractiveServices == true,
        ServiceTypes = declared.ServiceTypes,
        PublishesDangerousGoods = declared.PublishesDangerousGoods == true,
        DangerousGoods = declared.DangerousGoods.Select(kind => new DangerousGoodsEntry(kind, declared.DangerousGoodsFiles.ContainsKey(kind))).ToList(),
        HasPrePermits = declared.HasPrePermits == true,
        PrePermits = declared.PrePermits.Select(permit => new PrePermitEntry(permit, declared.PrePermitFiles.ContainsKey(permit))).ToList(),
        Languages = declared.Languages,
    };

    /// <summary>One 资质证明 slot per ticked 危险物品 kind and one 许可证明文件 per ticked 前置许可.</summary>
    public static IEnumerable<FileSlot> FileSlots(this IServiceDeclaration declared) =>
        declared.DangerousGoods.Distinct().Select(kind => new FileSlot(FormSlots.Goods(kind), UploadPurpose.DangerousGoodsQualification,
                declared.DangerousGoodsFiles.TryGetValue(kind, out var file) ? file : null,
                id => SetOrRemove(declared.DangerousGoodsFiles, kind, id), WebsiteFields.DangerousGoods, $"{kind.DisplayName()}资质证明"))
            .Concat(declared.PrePermits.Distinct().Select(permit => new FileSlot(FormSlots.Permit(permit), UploadPurpose.PrePermit,
                declared.PrePermitFiles.TryGetValue(permit, out var file) ? file : null,
                id => SetOrRemove(declared.PrePermitFiles, permit, id), WebsiteFields.PrePermits, $"{permit.DisplayName()}许可证明文件")));

    public static IEnumerable<Guid> FileIds(this IServiceDeclaration declared) =>
        declared.DangerousGoodsFiles.Values.Concat(declared.PrePermitFiles.Values);

    private static void SetOrRemove<TKind>(Dictionary<TKind, Guid> files, TKind kind, Guid? id) where TKind : notnull
    {
        if (id is { } file) files[kind] = file;
        else files.Remove(kind);
    }
}

/// <summary>③: the 负责人, 安全负责人, 应急联络人 (7×24) and, for websites, the optional 舆情引导员.</summary>
public sealed class BusinessPeople
{
    public static readonly string[] Keys = ["Principal", "SecurityOfficer", "EmergencyContact", "OpinionGuide"];

    public ResponsiblePerson Principal { get; set; } = new();
    public ResponsiblePerson SecurityOfficer { get; set; } = new();
    public ResponsiblePerson EmergencyContact { get; set; } = new();

    [Display(Name = "填写舆情引导员")]
    public bool HasOpinionGuide { get; set; }

    public ResponsiblePerson OpinionGuide { get; set; } = new();

    public ResponsiblePerson this[string key] => key switch
    {
        "Principal" => Principal,
        "SecurityOfficer" => SecurityOfficer,
        "EmergencyContact" => EmergencyContact,
        _ => OpinionGuide,
    };

    /// <summary>The people filled in: every role but an 舆情引导员 not chosen.</summary>
    public IEnumerable<(string Key, ResponsiblePerson Person)> Filled =>
        Keys.Where(key => key != "OpinionGuide" || HasOpinionGuide).Select(key => (key, this[key]));

    /// <summary>"网站负责人", "APP安全负责人", "舆情引导员" ….</summary>
    public static string RoleOf(string key, string noun) => key switch
    {
        "Principal" => $"{noun}负责人",
        "SecurityOfficer" => $"{noun}安全负责人",
        "EmergencyContact" => $"{noun}应急联络人",
        _ => "舆情引导员",
    };

    /// <summary>How seed 004 starts a person's field labels (负责人证件类型, 联络人证件号码 …); the fieldset names the role.</summary>
    public static string LabelOf(string key) => key switch
    {
        "EmergencyContact" => "联络人",
        "OpinionGuide" => "舆情引导员",
        _ => "负责人",
    };

    /// <summary>身份证人像面 / 身份证国徽面 of every person shown.</summary>
    public IEnumerable<FileSlot> FileSlots(bool offersOpinionGuide) =>
        Keys.Where(key => key != "OpinionGuide" || offersOpinionGuide).SelectMany(key =>
        {
            var person = this[key];
            return new[]
            {
                new FileSlot(FormSlots.IdFront(key), UploadPurpose.IdFront, person.IdFrontFileId, id => person.IdFrontFileId = id,
                    $"People.{key}.IdFrontFileId", "身份证人像面", key != "OpinionGuide"),
                new FileSlot(FormSlots.IdBack(key), UploadPurpose.IdBack, person.IdBackFileId, id => person.IdBackFileId = id,
                    $"People.{key}.IdBackFileId", "身份证国徽面", key != "OpinionGuide"),
            };
        });

    public IEnumerable<Guid> FileIds() =>
        Keys.Select(key => this[key]).SelectMany(p => new[] { p.IdFrontFileId, p.IdBackFileId }).OfType<Guid>();

    /// <summary>"同主体负责人信息": one person filled in from the subject's 负责人; false when it held those values already.</summary>
    public bool FillFromSubject(string key, PrincipalSection principal)
    {
        if (key == "OpinionGuide") HasOpinionGuide = true;
        var filled = ResponsiblePerson.From(principal);
        if (this[key].HasSameValuesAs(filled)) return false;
        this[key].CopyFrom(filled);
        return true;
    }
}

public sealed class ResponsiblePerson
{
    [InputLimit(50)]
    [Display(Name = "姓名")]
    public string? Name { get; set; }

    [Display(Name = "证件类型")]
    public CertificateType? CertificateType { get; set; }

    /// <summary>Kept as the validators read it (see <see cref="CertificateNumbers.Normalize"/>): a lower-case x becomes X.</summary>
    [InputLimit(30)]
    [Display(Name = "证件号码")]
    public string? CertificateNumber { get; set => field = CertificateNumbers.Normalize(value); }

    [Display(Name = "证件有效期")]
    public DateOnly? CertificateValidUntil { get; set; }

    [Display(Name = "长期有效")]
    public bool CertificateLongTerm { get; set; }

    public Guid? IdFrontFileId { get; set; }

    public Guid? IdBackFileId { get; set; }

    [InputLimit(20)]
    [Display(Name = "手机号码")]
    public string? Mobile { get; set; }

    [InputLimit(100)]
    [Display(Name = "电子邮件地址")]
    public string? Email { get; set; }

    /// <summary>The subject's 负责人 as a person of step ③ (the 身份证手持 and the address stay with the subject).</summary>
    public static ResponsiblePerson From(PrincipalSection principal) => new()
    {
        Name = principal.Name,
        CertificateType = principal.CertificateType,
        CertificateNumber = principal.CertificateNumber,
        CertificateValidUntil = principal.CertificateValidUntil,
        CertificateLongTerm = principal.CertificateLongTerm,
        IdFrontFileId = principal.IdFrontFileId,
        IdBackFileId = principal.IdBackFileId,
        Mobile = principal.Mobile,
        Email = principal.Email,
    };

    public void CopyFrom(ResponsiblePerson other)
    {
        Name = other.Name;
        CertificateType = other.CertificateType;
        CertificateNumber = other.CertificateNumber;
        CertificateValidUntil = other.CertificateValidUntil;
        CertificateLongTerm = other.CertificateLongTerm;
        IdFrontFileId = other.IdFrontFileId;
        IdBackFileId = other.IdBackFileId;
        Mobile = other.Mobile;
        Email = other.Email;
    }

    public bool HasSameValuesAs(ResponsiblePerson other) =>
        Name == other.Name && CertificateType == other.CertificateType && CertificateNumber == other.CertificateNumber
        && CertificateValidUntil == other.CertificateValidUntil && CertificateLongTerm == other.CertificateLongTerm
        && IdFrontFileId == other.IdFrontFileId && IdBackFileId == other.IdBackFileId && Mobile == other.Mobile && Email == other.Email;

    /// <summary>Two entries describe the same person when their certificate numbers match.</summary>
    public bool IsSamePersonAs(ResponsiblePerson other) =>
        !string.IsNullOrWhiteSpace(CertificateNumber)
        && string.Equals(CertificateNumber.Trim(), other.CertificateNumber?.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>The names of the upload inputs of a business form: <c>Uploads[key].File</c> / <c>Uploads[key].FileId</c>.</summary>
public static class FormSlots
{
    public static string Goods(DangerousGoods kind) => $"Goods-{kind}";

    public static string Permit(PrePermit permit) => $"Permit-{permit}";

    public static string IdFront(string person) => $"{person}-IdFront";

    public static string IdBack(string person) => $"{person}-IdBack";

    public static string FieldName(string slot) => $"Uploads[{slot}]";
}

/// <summary>The shared part of step ② as the reviewer reads it, with each 资质证明 and 许可证明文件.</summary>
public static class ServiceDeclarationReviewFields
{
    public static IEnumerable<Applications.ReviewField> Of(IServiceDeclaration declared, string section)
    {
        yield return new("BasicInfo.ProvidesInteractiveServices", section, "互联网交互服务",
            declared.ProvidesInteractiveServices == true ? "是（交互式）" : "否（非交互式）");
        yield return new(WebsiteFields.ServiceTypes, section, "服务类型", string.Join("、", declared.ServiceTypes.Select(t => t.DisplayName())));
        yield return new(WebsiteFields.DangerousGoods, section, "危险物品信息",
            declared.PublishesDangerousGoods == true ? string.Join("、", declared.DangerousGoods.Select(k => k.DisplayName())) : "否");
        foreach (var (kind, file) in declared.DangerousGoodsFiles)
            yield return new(WebsiteFields.DangerousGoods, section, $"{kind.DisplayName()}资质证明", "已上传", FileId: file);
        yield return new(WebsiteFields.PrePermits, section, "前置许可",
            declared.HasPrePermits == true ? string.Join("、", declared.PrePermits.Select(p => p.DisplayName())) : "否");
        foreach (var (permit, file) in declared.PrePermitFiles)
            yield return new(WebsiteFields.PrePermits, section, $"{permit.DisplayName()}许可证明文件", "已上传", FileId: file);
        yield return new(WebsiteFields.Languages, section, "语种", string.Join("、", declared.Languages.Select(l => l.DisplayName())));
    }
}
