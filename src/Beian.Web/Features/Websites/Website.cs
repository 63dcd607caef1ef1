using Beian.Web.Features.Filing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Websites;

/// <summary>
/// A website of a subject (<see cref="BusinessRecord"/>): its content is a <see cref="WebsiteForm"/>;
/// beside it stand the domain columns that the duplicate-domain check and the lists need.
/// </summary>
public class Website : BusinessRecord
{
    public const string Type = "Website";

    /// <summary>The main domain as filed (ASCII form); null for a site filed by IP only.</summary>
    public string? MainDomain { get; set; }
    /// <summary>The registrable domain of the main domain: two subjects may not both file it.</summary>
    public string? RegistrableDomain { get; set; }

    public override string RecordType => Type;
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
        builder.HasIndex(w => w.RegistrableDomain);
    }
}
