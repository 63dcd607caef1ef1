using Beian.Core.Websites;
using Beian.Web.Features.Filing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Websites;

/// <summary>
/// A website of a subject (<see cref="BusinessRecord"/>): its content is a <see cref="WebsiteForm"/>;
/// beside it stand the columns that the duplicate-domain check, the lists and the matching of providers' reports
/// need, projected from the content each time it is stored (<see cref="Project"/>).
/// </summary>
public class Website : BusinessRecord
{
    public const string Type = "Website";

    /// <summary>The main domain as filed (ASCII form); null for a site filed by IP only.</summary>
    public string? MainDomain { get; set; }
    /// <summary>The registrable domain of the main domain: two subjects may not both file it.</summary>
    public string? RegistrableDomain { get; set; }

    /// <summary>
    /// 网站IP as filed: the valid addresses and ranges in their normal form, separated by <see cref="IpSeparator"/>;
    /// null for a record stored before the column existed, until <see cref="WebsiteColumnsBackfill"/> reaches it.
    /// </summary>
    public string? Ips { get; set; }
    /// <summary>网络接入服务商 as filed (empty when none); null as <see cref="Ips"/>.</summary>
    public string? AccessProviderName { get; set; }

    public const char IpSeparator = ';';
    public const int IpsMaxLength = 4000;

    public override string RecordType => Type;

    /// <summary>Sets the columns that stand beside the content from the content.</summary>
    public void Project(WebsiteForm form)
    {
        var info = form.BasicInfo;
        var domain = info.HasDomain && DomainName.TryParse(info.MainDomain, out var parsed) ? parsed : null;
        MainDomain = domain?.Ascii;
        RegistrableDomain = domain?.RegistrableDomain.Ascii;
        Ips = IpsColumn(info.Ips);
        AccessProviderName = info.AccessProvider.Name?.Trim() ?? string.Empty;
    }

    /// <summary>The filed IPs of <see cref="Ips"/>.</summary>
    public static IReadOnlyList<IpRange> ParseIps(string column) =>
        column.Split(IpSeparator, StringSplitOptions.RemoveEmptyEntries).Select(text => IpRange.TryParse(text, out var ip) ? ip : null).OfType<IpRange>().ToList();

    private static string IpsColumn(IEnumerable<string> typed)
    {
        var column = string.Join(IpSeparator, typed.Select(text => IpRange.TryParse(text, out var ip) ? ip.ToString() : null).OfType<string>().Distinct());
        // A list beyond the column keeps whole entries only.
        return column.Length <= IpsMaxLength ? column : column[..column.LastIndexOf(IpSeparator, IpsMaxLength)];
    }
    protected override string Noun => "网站";

    public static Website NewPending(Guid subjectId, string ownerUserId, RecordStep step)
    {
        var website = new Website();
        website.Open(subjectId, ownerUserId, step);
        return website;
    }
}

internal sealed class WebsiteConfiguration : IEntityTypeConfiguration<Website>
{
    public void Configure(EntityTypeBuilder<Website> builder)
    {
        builder.MapBusinessRecord();
        builder.Property(w => w.MainDomain).HasMaxLength(253);
        builder.Property(w => w.RegistrableDomain).HasMaxLength(253);
        builder.Property(w => w.Ips).HasMaxLength(Website.IpsMaxLength);
        builder.Property(w => w.AccessProviderName).HasMaxLength(100);
        builder.HasIndex(w => w.RegistrableDomain);
        // The rows WebsiteColumnsBackfill still has to fill: none once it has run, so a node's start finds that at once.
        builder.HasIndex(w => w.Id).HasDatabaseName("IX_Websites_IpsMissing").HasFilter("\"Ips\" IS NULL");
        // 已备案网站 (FiledSites.InJurisdiction in FiledWebsiteList.Order): only the sites whose number is in force, so that a
        // page and its bounded count read the index alone (the unit's index by FiledAt sent a county's count of 10,001 to
        // the table for their statuses: 350-550 ms at 5,000,000 sites).
        var inForce = $"\"Status\" IN ({string.Join(", ", FiledSites.NumberInForceStatuses.Select(s => $"'{s}'"))}) AND \"NumberDigits\" IS NOT NULL";
        builder.HasIndex(w => new { w.JurisdictionUnitCode, w.FiledAt, w.NumberDigits }, "IX_Websites_InForce_Unit").HasFilter(inForce);
        builder.HasIndex(w => new { w.FiledAt, w.NumberDigits }, "IX_Websites_InForce").HasFilter(inForce);
    }
}
