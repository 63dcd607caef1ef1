namespace Beian.Core.Websites;

/// <summary>The form's property paths that website findings point at.</summary>
public static class WebsiteFields
{
    public const string Name = "BasicInfo.Name";
    public const string HasIcpNumber = "BasicInfo.HasIcpNumber";
    public const string IcpNumber = "BasicInfo.IcpNumber";
    public const string OpenedOn = "BasicInfo.OpenedOn";
    public const string MainDomain = "BasicInfo.MainDomain";
    public const string SubDomainList = "BasicInfo.SubDomains";
    public const string IpList = "BasicInfo.Ips";
    public const string ServiceTypes = "BasicInfo.ServiceTypes";
    public const string DangerousGoods = "BasicInfo.DangerousGoods";
    public const string PrePermits = "BasicInfo.PrePermits";
    public const string Languages = "BasicInfo.Languages";

    /// <summary>BasicInfo.SubDomains[2].</summary>
    public static string SubDomain(int index) => $"{SubDomainList}[{index}]";

    /// <summary>BasicInfo.Ips[0].</summary>
    public static string Ip(int index) => $"{IpList}[{index}]";
}
