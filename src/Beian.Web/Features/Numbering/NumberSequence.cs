using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Numbering;

/// <summary>The last serial issued for one area code and filing category (digits 7–8).</summary>
public class NumberSequence
{
    public string AreaCode { get; set; } = string.Empty;
    public string Category { get; set; } = string.Empty;
    public int LastSerial { get; set; }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> builder)
    {
        builder.ToTable("NumberSequences");
        builder.HasKey(s => new { s.AreaCode, s.Category });
        builder.Property(s => s.AreaCode).HasMaxLength(6);
        builder.Property(s => s.Category).HasMaxLength(2);
    }
}
