using Beian.Core.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// The public face of one website whose 公安备案号 is in force (已备案, 变更中, 注销中): exactly what
/// 公共查询 shows (SPEC §11), in clear, with an individual holder's name already masked. It is written
/// by <see cref="PublicWebsiteProjection"/> in the transaction of each decision that changes it, so
/// the public query reads one table by index and never decrypts a website's or subject's content.
/// </summary>
public class PublicWebsite : PublicRecord
{
    public Guid WebsiteId { get; set; }
    /// <summary>ASCII (punycode for IDN); null for a site filed by IP only.</summary>
    public string? MainDomain { get; set; }
    /// <summary>The 从域名 in ASCII, one per line.</summary>
    public string SubDomains { get; set; } = string.Empty;

    public List<PublicWebsiteDomain> Domains { get; set; } = [];
}

/// <summary>One host that finds a public website: its 主域名, a 从域名, or the bare form of a www. domain.</summary>
public class PublicWebsiteDomain
{
    public string Host { get; set; } = string.Empty;
    public Guid WebsiteId { get; set; }
}

/// <summary>
/// The name index of 公共查询: one row per distinct unigram and bigram of a public website's
/// <see cref="PublicWebsite.NameKey"/>, keyed (Gram, FilingOrder), eight bytes of key: the gram's code
/// (<see cref="Beian.Core.PublicQuery.NameGrams.Code"/>) and the site's <see cref="PublicRecord.FilingOrder"/>, so
/// that the newest names holding a gram are one index range read backwards and cut by LIMIT, however
/// common the gram. A GIN index over the grams finds the names too, but not in filing order: a gram held
/// by one name in a thousand costs it thousands of rows to sort at five million sites. A query of three
/// characters or more rechecks each candidate's name on the rows' index by filing order, which carries it.
/// It is derived data kept by <see cref="PublicWebsiteProjection"/>, which knows every row's grams
/// from its name and place, so it needs no foreign key nor an index by website.
/// </summary>
public class PublicWebsiteGram
{
    public int Gram { get; set; }
    public int FilingOrder { get; set; }
}

internal sealed class PublicWebsiteConfiguration : IEntityTypeConfiguration<PublicWebsite>
{
    public void Configure(EntityTypeBuilder<PublicWebsite> builder)
    {
        builder.HasKey(p => p.WebsiteId);
        builder.Property(p => p.WebsiteId).ValueGeneratedNever();
        // NameKey unbounded: NFKC may lengthen a name (㎞ → km).
        builder.MapPublicRecord();
        builder.Property(p => p.MainDomain).HasMaxLength(253);
        // Where a period of filing begins in filing order (WebsiteNameIndex.FirstPlaceFiledFromAsync), read in the index alone.
        builder.HasIndex(p => new { p.FiledAt, p.FilingOrder });
        builder.HasMany(p => p.Domains).WithOne().HasForeignKey(d => d.WebsiteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublicWebsiteDomainConfiguration : IEntityTypeConfiguration<PublicWebsiteDomain>
{
    public void Configure(EntityTypeBuilder<PublicWebsiteDomain> builder)
    {
        // Not unique: one subject may file two sites under one domain, and 从域名 are not checked across sites.
        builder.ToTable("PublicWebsiteDomains");
        builder.HasKey(d => new { d.Host, d.WebsiteId });
        builder.Property(d => d.Host).HasMaxLength(253);
        builder.HasIndex(d => d.WebsiteId);
    }
}

internal sealed class PublicWebsiteGramConfiguration : IEntityTypeConfiguration<PublicWebsiteGram>
{
    public void Configure(EntityTypeBuilder<PublicWebsiteGram> builder)
    {
        builder.ToTable("PublicWebsiteGrams");
        builder.HasKey(g => new { g.Gram, g.FilingOrder });
    }
}
