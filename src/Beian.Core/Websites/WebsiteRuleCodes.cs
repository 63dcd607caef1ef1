namespace Beian.Core.Websites;

/// <summary>Stable codes of the website pre-check rules (SPEC §10, website part).</summary>
public static class WebsiteRuleCodes
{
    // 网站名称 (seed 000 第二步 1)
    public const string NameRequired = "SITE-NAME-REQUIRED";
    public const string NameLength = "SITE-NAME-LENGTH";
    public const string NameFake = "SITE-NAME-FAKE";
    public const string NameDomain = "SITE-NAME-DOMAIN";
    public const string NameOrganisationForIndividual = "SITE-NAME-INDIVIDUAL-ORG";
    public const string NamePublicAffairs = "SITE-NAME-PUBLIC-AFFAIRS";
    public const string NameNational = "SITE-NAME-NATIONAL";
    public const string NamePermitWord = "SITE-NAME-PERMIT-WORD";
    public const string NameForum = "SITE-NAME-FORUM";

    // 主域名, 从域名
    public const string DomainRequired = "SITE-DOMAIN-REQUIRED";
    public const string DomainInvalid = "SITE-DOMAIN-INVALID";
    public const string DomainNotMain = "SITE-DOMAIN-NOT-MAIN";
    public const string DomainFiledElsewhere = "SITE-DOMAIN-FILED-ELSEWHERE";
    public const string DomainBbs = "SITE-DOMAIN-BBS";
    public const string SubDomainInvalid = "SITE-SUBDOMAIN-INVALID";
    public const string SubDomainSameAsMain = "SITE-SUBDOMAIN-SAME-AS-MAIN";
    public const string SubDomainDuplicate = "SITE-SUBDOMAIN-DUPLICATE";

    // IP
    public const string IpRequired = "SITE-IP-REQUIRED";
    public const string IpInvalid = "SITE-IP-INVALID";
    public const string IpNotPublic = "SITE-IP-NOT-PUBLIC";
    public const string IpRangeLarge = "SITE-IP-RANGE-LARGE";
    public const string IpDuplicate = "SITE-IP-DUPLICATE";

    // 工信部备案号
    public const string IcpChoiceRequired = "SITE-ICP-CHOICE-REQUIRED";
    public const string IcpRequired = "SITE-ICP-REQUIRED";
    public const string IcpInvalid = "SITE-ICP-INVALID";

    // 网站开通日期
    public const string OpenedOnRequired = "SITE-OPENED-REQUIRED";
    public const string OpenedOnFuture = "SITE-OPENED-FUTURE";
    public const string OpenedOnLate = "SITE-OPENED-LATE";

    // 服务类型
    public const string ServiceTypeRequired = "SITE-SERVICE-TYPE-REQUIRED";
    public const string ServiceInteractiveContradiction = "SITE-SERVICE-INTERACTIVE";
    public const string ServicePortalForIndividual = "SITE-SERVICE-PORTAL-INDIVIDUAL";
    public const string ServiceForumPermit = "SITE-SERVICE-FORUM-PERMIT";

    // 互联网危险物品信息
    public const string DangerousGoodsKindRequired = "SITE-DANGER-KIND-REQUIRED";
    public const string DangerousGoodsQualification = "SITE-DANGER-QUALIFICATION";

    // 相关前置许可
    public const string PrePermitKindRequired = "SITE-PERMIT-KIND-REQUIRED";
    public const string PrePermitDocument = "SITE-PERMIT-DOCUMENT";

    // 网站语种
    public const string LanguageRequired = "SITE-LANGUAGE-REQUIRED";
}
