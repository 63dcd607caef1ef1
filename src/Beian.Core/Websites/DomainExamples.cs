namespace Beian.Core.Websites;

/// <summary>
/// The domains the form's hints offer as examples for 主域名 and 从域名: typed together as shown they
/// pass the domain rules. www.example.com is no 从域名 of example.com (the same site, see
/// <see cref="DomainName.IsSameSiteAs"/>), so no hint suggests it.
/// </summary>
public static class DomainExamples
{
    public const string MainDomain = "example.com";

    public static readonly IReadOnlyList<string> SubDomains = ["m.example.com", "example.cn"];

    public static string MainDomainHint => $"如：{MainDomain}";

    public static string SubDomainHint => $"每行一个，如：{string.Join("、", SubDomains)}";
}
