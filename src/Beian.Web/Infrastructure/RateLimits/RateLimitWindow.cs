using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Infrastructure.RateLimits;

/// <summary>
/// How many requests one client made in one fixed window (a minute number since the Unix epoch),
/// counted in the shared database so that every node sees the same count.
/// </summary>
public class RateLimitWindow
{
    /// <summary>The policy and the client, e.g. "public-query:203.0.113.7" or "public-query:2001:db8:1:2::/64".</summary>
    public string Key { get; set; } = string.Empty;
    public long Window { get; set; }
    public int Count { get; set; }
}

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> builder)
    {
        builder.HasKey(w => new { w.Key, w.Window });
        builder.Property(w => w.Key).HasMaxLength(100);
        builder.HasIndex(w => w.Window);
    }
}
