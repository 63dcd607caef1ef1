using Beian.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Accounts;

/// <summary>
/// An account of the platform. The mobile number is personal data: it is kept encrypted
/// (<see cref="MobileCipher"/>) with a keyed hash beside it (<see cref="MobileHash"/>) for
/// logging in by mobile and for uniqueness; Identity's own PhoneNumber column stays empty.
/// </summary>
public class ApplicationUser : IdentityUser, IVersioned
{
    public AccountKind Kind { get; set; } = AccountKind.Applicant;

    public string MobileCipher { get; set; } = string.Empty;
    public string MobileHash { get; set; } = string.Empty;
    public DateTime? MobileVerifiedAt { get; set; }

    public DateTime? EmailVerifiedAt { get; set; }

    /// <summary>身份验证 passes by itself when a 开办主体 of the account is approved.</summary>
    public DateTime? IdentityVerifiedAt { get; set; }

    /// <summary>The police unit of a reviewer or supervisor (its region code); null for applicants.</summary>
    public string? PoliceUnitCode { get; set; }

    /// <summary>实名信息: the holder's real name and 居民身份证 number (encrypted, with a keyed hash).</summary>
    public string? RealName { get; set; }
    public string? IdNumberCipher { get; set; }
    public string? IdNumberHash { get; set; }

    /// <summary>Set once the account has proved a TOTP code from its authenticator app.</summary>
    public DateTime? AuthenticatorConfirmedAt { get; set; }

    /// <summary>A police officer's or administrator's display name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// Set when an administrator created the account or reset its password: the password came by
    /// SMS, so every page sends the holder to 修改密码 until they choose their own.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>停用 by an administrator: no login (<see cref="PlatformSignInManager"/>) until 启用.</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>The last completed login of a police or administrator account (after the second factor).</summary>
    public DateTime? LastSignInAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Version { get; set; }
}

public enum AccountKind
{
    Applicant,
    Police,
    Administrator,
}

public static class Roles
{
    public const string Applicant = "Applicant";
    public const string Reviewer = "Reviewer";
    public const string Supervisor = "Supervisor";
    public const string Administrator = "Administrator";

    public static readonly string[] All = [Applicant, Reviewer, Supervisor, Administrator];

    /// <summary>Police and administrator logins always need a second factor.</summary>
    public static readonly string[] RequiringSecondFactor = [Reviewer, Supervisor, Administrator];
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.MobileCipher).HasMaxLength(512);
        builder.Property(u => u.MobileHash).HasMaxLength(64);
        builder.HasIndex(u => u.MobileHash).IsUnique();
        builder.Property(u => u.PoliceUnitCode).HasMaxLength(6);
        builder.HasIndex(u => u.PoliceUnitCode);
        builder.HasIndex(u => new { u.Kind, u.PoliceUnitCode });
        builder.Property(u => u.DisplayName).HasMaxLength(50);
        builder.Property(u => u.RealName).HasMaxLength(50);
        builder.Property(u => u.IdNumberCipher).HasMaxLength(512);
        builder.Property(u => u.IdNumberHash).HasMaxLength(64);
        builder.HasIndex(u => u.IdNumberHash);
        builder.Property(u => u.Version).IsConcurrencyToken();
    }
}
