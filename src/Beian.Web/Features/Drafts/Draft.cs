using Beian.Core.Applications;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Drafts;

/// <summary>
/// 草稿: a form saved half-filled. One per account, business type and target (the subject being
/// changed …). The form's content may hold personal data, so it is stored encrypted.
/// </summary>
public class Draft : IVersioned
{
    public Guid Id { get; set; }
    public string OwnerUserId { get; set; } = string.Empty;
    public BusinessType BusinessType { get; set; }
    public Guid? TargetId { get; set; }
    public string Title { get; set; } = string.Empty;
    public string PayloadCipher { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> builder)
    {
        builder.Property(d => d.OwnerUserId).HasMaxLength(450);
        builder.Property(d => d.BusinessType).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Title).HasMaxLength(DraftService.TitleMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.OwnerUserId, d.BusinessType, d.TargetId });
        builder.HasIndex(d => d.UpdatedAt);
    }
}
