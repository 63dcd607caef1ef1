using Beian.Web.Features.Unfiled;

namespace Beian.Web.Features.Websites;

/// <summary>
/// Opens the new-website flow from a record the police pushed: a 未备案网站 (domain, IP, provider)
/// or an offline filing being claimed (name, domains, ICP number; the number itself is kept).
/// </summary>
public sealed class WebsitePrefill(UnfiledQueries unfiled)
{
    public async Task<bool> FromUnfiledAsync(WebsiteForm form, string userId, Guid id)
    {
        var record = await unfiled.UnfiledSiteOfAsync(userId, id);
        if (record == null) return false;
        form.UnfiledSiteId = record.Id;
        form.ClaimedFilingId = null;
        form.BasicInfo.HasDomain = true;
        form.BasicInfo.MainDomain = record.Domain;
        form.BasicInfo.IpsText = record.Ip;
        form.BasicInfo.AccessProvider.Name = record.Provider;
        return true;
    }

    public async Task<bool> FromClaimAsync(WebsiteForm form, Guid id)
    {
        var filing = await unfiled.ClaimableAsync(id);
        if (filing == null) return false;
        var domains = WebsiteBasicInfo.Lines(filing.DomainsText);
        form.ClaimedFilingId = filing.Id;
        form.UnfiledSiteId = null;
        form.BasicInfo.Name = filing.SiteName;
        form.BasicInfo.HasDomain = domains.Count > 0;
        form.BasicInfo.MainDomain = domains.FirstOrDefault();
        form.BasicInfo.SubDomainsText = string.Join('\n', domains.Skip(1));
        form.BasicInfo.HasIcpNumber = filing.IcpNumber != null;
        form.BasicInfo.IcpNumber = filing.IcpNumber;
        return true;
    }
}
