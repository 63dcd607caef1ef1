using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Beian.Web.Data;
using System.Security.Cryptography;

namespace Beian.Web.Infrastructure.PersonalData;

/// <summary>A secret the platform generates for itself once, kept encrypted with the key ring.</summary>
public class PlatformSecret
{
    public string Name { get; set; } = string.Empty;
    public string ProtectedValue { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
}

internal sealed class PlatformSecretConfiguration : IEntityTypeConfiguration<PlatformSecret>
{
    public void Configure(EntityTypeBuilder<PlatformSecret> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
    }
}

public static class LookupKeyResolver
{
    private const string SecretName = "personal-data-lookup-key";

    /// <summary>
    /// The configured key wins; otherwise the database's, created by whichever node starts first
    /// (a second node that loses the insert race reads the winner's key).
    /// </summary>
    public static async Task<LookupKey> ResolveAsync(IConfiguration configuration, BeianDbContext db, IDataProtectionProvider provider, TimeProvider clock)
    {
        var configured = configuration["PersonalData:LookupKey"];
        if (!string.IsNullOrWhiteSpace(configured))
            return new LookupKey(Convert.FromBase64String(configured));

        var protector = provider.CreateProtector("Beian.PlatformSecrets");
        var existing = await db.PlatformSecrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == SecretName);
        if (existing != null)
            return new LookupKey(Convert.FromBase64String(protector.Unprotect(existing.ProtectedValue)));

        var key = RandomNumberGenerator.GetBytes(32);
        db.PlatformSecrets.Add(new PlatformSecret
        {
            Name = SecretName,
            ProtectedValue = protector.Protect(Convert.ToBase64String(key)),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync();
            return new LookupKey(key);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var winner = await db.PlatformSecrets.AsNoTracking().SingleAsync(s => s.Name == SecretName);
            return new LookupKey(Convert.FromBase64String(protector.Unprotect(winner.ProtectedValue)));
        }
    }
}
