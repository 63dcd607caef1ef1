using Beian.Core.Websites;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Websites;

/// <summary>
/// A website of a subject. Its full content (a <see cref="WebsiteForm"/> with people's ID numbers
/// and phones) is stored encrypted; beside it stand the columns that lists, the duplicate-domain
/// check and the public query need. Status changes follow <see cref="WebsiteStateMachine"/>.
/// </summary>
public class Website : IVersioned
{
    public Guid Id { get; set; }
    public Guid SubjectId { get; set; }
    public string OwnerUserId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    /// <summary>The main domain as filed (ASCII form); null for a site filed by IP only.</summary>
    public string? MainDomain { get; set; }
    /// <summary>The registrable domain of the main domain: two subjects may not both file it.</summary>
    public string? RegistrableDomain { get; set; }
    public bool Interactive { get; set; }
    public string DataCipher { get; set; } = string.Empty;
    public string JurisdictionUnitCode { get; set; } = string.Empty;
    public WebsiteStatus Status { get; private set; }
    /// <summary>The 14 digits of the 公安备案号 once filed.</summary>
    public string? NumberDigits { get; set; }
    public string? NumberDisplay { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FiledAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public int Version { get; set; }

    public static Website NewPending(Guid subjectId, string ownerUserId, DateTime nowUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        SubjectId = subjectId,
        OwnerUserId = ownerUserId,
        Status = WebsiteStatus.Pending,
        CreatedAt = nowUtc,
    };

    public void Apply(WebsiteEvent happening) => Status = WebsiteStateMachine.Apply(Status, happening);
}

internal sealed class WebsiteConfiguration : IEntityTypeConfiguration<Website>
{
    public void Configure(EntityTypeBuilder<Website> builder)
    {
        builder.Property(w => w.OwnerUserId).HasMaxLength(450);
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.Property(w => w.MainDomain).HasMaxLength(253);
        builder.Property(w => w.RegistrableDomain).HasMaxLength(253);
        builder.Property(w => w.JurisdictionUnitCode).HasMaxLength(6);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.NumberDigits).HasMaxLength(14);
        builder.Property(w => w.NumberDisplay).HasMaxLength(40);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasIndex(w => w.NumberDigits).IsUnique();
        builder.HasIndex(w => w.RegistrableDomain);
        builder.HasIndex(w => new { w.SubjectId, w.Status });
        builder.HasIndex(w => new { w.OwnerUserId, w.Status });
        builder.HasIndex(w => new { w.JurisdictionUnitCode, w.FiledAt });
        // 备案展厅: the newest filed sites of the whole country.
        builder.HasIndex(w => w.FiledAt);
    }
}
