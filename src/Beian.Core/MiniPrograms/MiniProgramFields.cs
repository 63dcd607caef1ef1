using Beian.Core.Filing;

namespace Beian.Core.MiniPrograms;

/// <summary>The form's property paths that 小程序 findings point at.</summary>
public static class MiniProgramFields
{
    public const string Name = "BasicInfo.Name";
    public const string Introduction = ServiceFields.Introduction;
    public const string Platform = "BasicInfo.Platform";
    public const string PlatformName = "BasicInfo.PlatformName";
    public const string AppId = "BasicInfo.AppId";
    public const string Versions = ServiceFields.Versions;
    public const string HasIcpNumber = ServiceFields.HasIcpNumber;
    public const string IcpNumber = ServiceFields.IcpNumber;
    public const string SecurityPlan = ServiceFields.SecurityPlan;

    public static string Version(int index, string part) => ServiceFields.Version(index, part);
}
