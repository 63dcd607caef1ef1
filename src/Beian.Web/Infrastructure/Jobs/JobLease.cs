using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Infrastructure.Jobs;

/// <summary>
/// Who runs a background job that only one node may run at a time ("audit-sealer", later the
/// deadline warnings): the holder and until when. See <see cref="JobLeases"/>.
/// </summary>
public class JobLease
{
    public string Name { get; set; } = string.Empty;
    public string Holder { get; set; } = string.Empty;
    public DateTime ExpiresAt { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.ToTable("JobLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}
