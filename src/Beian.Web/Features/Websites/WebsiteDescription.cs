using Beian.Core.Accounts;
using Beian.Core.IdentityNumbers;
using Beian.Core.Websites;
using Beian.Web.Features.Subjects;

namespace Beian.Web.Features.Websites;

/// <summary>
/// A website filing as labelled lines, in the form's order: what the 变更前/变更后 table compares.
/// Identity numbers and mobiles are shown whole: the table is for the owner and the reviewer.
/// </summary>
public static class WebsiteDescription
{
    public static IReadOnlyList<(string Label, string Value)> Lines(WebsiteForm form)
    {
        var info = form.BasicInfo;
        var lines = new List<(string, string)>
        {
            ("网站名称", info.Name ?? ""),
            ("工信部备案号", info.HasIcpNumber == true ? info.IcpNumber ?? "" : "无"),
            ("网站开通日期", info.OpenedOn?.ToString("yyyy-MM-dd") ?? ""),
            ("主域名", info.HasDomain ? info.MainDomain ?? "" : "无独立域名"),
            ("从域名", string.Join("、", info.SubDomains)),
            ("网站IP", string.Join("、", info.Ips)),
            ("网络接入服务商", $"{info.AccessProvider.Name}（{info.AccessProvider.Scope}）"),
            ("网站接入方式", info.AccessMethod ?? ""),
            ("域名注册服务商", info.Registrar.Name ?? ""),
            ("互联网交互服务", info.ProvidesInteractiveServices == true ? "是" : "否"),
            ("服务类型", string.Join("、", info.ServiceTypes.Select(t => t.DisplayName()))),
            ("危险物品信息", info.PublishesDangerousGoods == true ? string.Join("、", info.DangerousGoods.Select(k => k.DisplayName())) : "否"),
            ("前置许可", info.HasPrePermits == true ? string.Join("、", info.PrePermits.Select(p => p.DisplayName())) : "否"),
            ("网站语种", string.Join("、", info.Languages.Select(l => l.DisplayName()))),
        };
        foreach (var key in WizardSlots.PersonKeys)
        {
            var person = WizardSlots.PersonOf(form.People, key);
            var role = WizardSlots.RoleOf(key);
            lines.Add(($"{role}姓名", person.Name ?? ""));
            lines.Add(($"{role}证件", $"{person.CertificateType?.DisplayName()} {person.CertificateNumber}".Trim()));
            lines.Add(($"{role}手机号码", person.Mobile ?? ""));
            lines.Add(($"{role}电子邮件", person.Email ?? ""));
        }
        return lines;
    }

    public static IReadOnlyList<FieldChange> Diff(WebsiteForm before, WebsiteForm after)
    {
        var old = Lines(before);
        var now = Lines(after);
        var changes = new List<FieldChange>();
        for (var i = 0; i < old.Count; i++)
        {
            if (old[i].Value != now[i].Value)
                changes.Add(new FieldChange(changes.Count + 1, old[i].Label, old[i].Value, now[i].Value));
        }
        return changes;
    }
}
