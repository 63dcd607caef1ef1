using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// A public site whose place in filing order was drawn more than <see cref="FilingOrders.OnTime"/> after its filing time
/// (the startup backfill adds a site filed long before): a later place than sites filed after it. A period of filing read
/// from the name index ends at a place (<see cref="WebsiteNameIndex.PlaceAfterFiledBeforeAsync"/>), which must reach these
/// too. An approval draws the place in the transaction that stamps the time, so this table stays all but empty.
/// </summary>
public class PublicWebsiteLatePlace
{
    public int FilingOrder { get; init; }
    public DateTime FiledAt { get; init; }
}

internal sealed class PublicWebsiteLatePlaceConfiguration : IEntityTypeConfiguration<PublicWebsiteLatePlace>
{
    public void Configure(EntityTypeBuilder<PublicWebsiteLatePlace> builder)
    {
        builder.ToTable("PublicWebsiteLatePlaces");
        builder.HasKey(p => p.FilingOrder);
        builder.Property(p => p.FilingOrder).ValueGeneratedNever();
        builder.HasIndex(p => p.FiledAt);
    }
}

