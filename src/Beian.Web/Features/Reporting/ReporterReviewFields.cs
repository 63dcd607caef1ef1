using Beian.Core.Accounts;
using Beian.Core.Regions;
using Beian.Core.Reporting;
using Beian.Web.Features.Applications;

namespace Beian.Web.Features.Reporting;

/// <summary>A 服务商申请 / 应用市场申请 as the reviewer reads it; each field is one a 退回 reason can point at.</summary>
public static class ReporterReviewFields
{
    public static IReadOnlyList<ReviewField> Of(ReporterForm form)
    {
        var section = $"{form.Role.Label()}信息";
        var fields = new List<ReviewField>();
        if (form.Role == ReporterRole.ServiceProvider)
            fields.Add(new(ReporterFields.Services, section, "服务类型", form.ServiceFlags.Label()));
        fields.Add(new(ReporterFields.Licence, section, "增值电信业务经营许可证编号", form.LicenceNumber ?? string.Empty));
        fields.Add(new(ReporterFields.Region, section, "经营地址", form.Address.FullText(RegionCatalog.Default)));
        fields.Add(new(ReporterFields.ContactName, "业务联系人", "姓名", form.ContactName ?? string.Empty));
        fields.Add(new(ReporterFields.ContactMobile, "业务联系人", "手机号码", form.ContactMobile ?? string.Empty, MobileNumber.Mask(form.ContactMobile)));
        return fields;
    }
}
