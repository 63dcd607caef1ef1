using Beian.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Accounts;

/// <summary>The step of a login that a wrong answer failed.</summary>
public enum SignInStep
{
    Password,
    SecondFactor,
}

/// <summary>
/// Consecutive failed sign-ins of one account from one client address at one step, and the lock
/// they caused, shared by every node (see <see cref="SignInThrottle"/>). <see cref="Account"/> is
/// the account's id, or for a login that names no account a keyed hash of what was typed.
/// </summary>
public class SignInFailure
{
    public string Account { get; set; } = string.Empty;
    public string Source { get; set; } = string.Empty;
    public SignInStep Step { get; set; }
    public int Count { get; set; }
    public DateTime LastFailedAt { get; set; }
    public DateTime? LockedUntil { get; set; }
    public int Version { get; set; }

    public SignInFailures State => new(Count, LastFailedAt, LockedUntil);
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.ToTable("SignInFailures");
        builder.HasKey(f => new { f.Account, f.Source, f.Step });
        builder.Property(f => f.Account).HasMaxLength(80);
        builder.Property(f => f.Source).HasMaxLength(64);
        builder.Property(f => f.Step).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(f => f.LockedUntil);
        builder.HasIndex(f => f.LastFailedAt);
    }
}
