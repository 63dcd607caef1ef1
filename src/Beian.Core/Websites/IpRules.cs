using Beian.Core.Rules;
using static Beian.Core.Websites.WebsiteRuleCodes;

namespace Beian.Core.Websites;

/// <summary>
/// IP (seed 003: *IP, 网站IP不能为空; seed 000: 如果对应多个如实填写起止IP即可): at least one
/// entry, each a valid address or range, a public address (a private, loopback, link-local,
/// multicast or unspecified address is an Error: the filing is of the server the public reaches),
/// no entry repeating or overlapping an earlier one; a range of more than 65536 addresses is a
/// Warning for the reviewer.
/// </summary>
internal static class IpRules
{
    public static IEnumerable<Finding> Check(WebsiteFacts facts)
    {
        if (facts.Ips.Count == 0)
        {
            yield return Finding.Error(IpRequired, WebsiteFields.IpList, "网站IP不能为空，请输入IP后点击添加");
            yield break;
        }
        var seen = new List<(int Index, IpRange Range)>();
        for (var index = 0; index < facts.Ips.Count; index++)
        {
            var field = WebsiteFields.Ip(index);
            if (!IpRange.TryParse(facts.Ips[index], out var range, out var error))
            {
                yield return Finding.Error(IpInvalid, field, error);
                continue;
            }
            foreach (var finding in CheckRange(range, field, seen)) yield return finding;
            seen.Add((index, range));
        }
    }

    private static IEnumerable<Finding> CheckRange(IpRange range, string field, List<(int Index, IpRange Range)> seen)
    {
        if (range.NonPublicReason is { } reason)
        {
            yield return Finding.Error(IpNotPublic, field, $"“{range}”含有{reason}，请填写网站服务器的公网IP地址");
        }
        if (range.IsLarge)
        {
            yield return Finding.Warning(IpRangeLarge, field,
                $"IP范围“{range}”包含{range.Count}个地址，请核实是否如实填写网站使用的起止IP");
        }
        var overlapping = seen.FirstOrDefault(earlier => earlier.Range.Overlaps(range));
        if (overlapping.Range is not null)
        {
            yield return Finding.Error(IpDuplicate, field, $"IP“{range}”与第{overlapping.Index + 1}项“{overlapping.Range}”重复或重叠");
        }
    }
}
