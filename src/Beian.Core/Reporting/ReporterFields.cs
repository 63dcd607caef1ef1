namespace Beian.Core.Reporting;

/// <summary>The fields of 服务商申请 / 应用市场申请, as the form names them (findings point at these).</summary>
public static class ReporterFields
{
    public const string Subject = "SubjectId";
    public const string Services = "Services";
    public const string Licence = "LicenceNumber";
    public const string Region = "Address.CountyCode";
    public const string ContactName = "ContactName";
    public const string ContactMobile = "ContactMobile";
}
