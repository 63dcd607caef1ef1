using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Audit;
using Beian.Web.Features.Drafts;
using Beian.Web.Features.Captcha;
using Beian.Web.Features.Messages;
using Beian.Web.Features.PoliceUnits;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Uploads;
using Beian.Web.Features.Verification;
using Beian.Web.Infrastructure.Jobs;
using Beian.Web.Infrastructure.Outbox;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Data;

/// <summary>
/// The platform's one database. Each provider has a subclass (<see cref="SqliteBeianDbContext"/>,
/// <see cref="PostgresBeianDbContext"/>) that owns its own migrations set; the rest of the code
/// only ever asks for <see cref="BeianDbContext"/>.
/// </summary>
public abstract class BeianDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<PlatformSecret> PlatformSecrets => Set<PlatformSecret>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<SiteMessage> SiteMessages => Set<SiteMessage>();
    public DbSet<VerificationCode> VerificationCodes => Set<VerificationCode>();
    public DbSet<SmsRecipient> SmsRecipients => Set<SmsRecipient>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<CaptchaChallenge> CaptchaChallenges => Set<CaptchaChallenge>();
    public DbSet<PoliceUnit> PoliceUnits => Set<PoliceUnit>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<SubjectTransfer> SubjectTransfers => Set<SubjectTransfer>();
    public DbSet<Features.Websites.Website> Websites => Set<Features.Websites.Website>();
    public DbSet<Features.Apps.App> Apps => Set<Features.Apps.App>();
    public DbSet<Features.MiniPrograms.MiniProgram> MiniPrograms => Set<Features.MiniPrograms.MiniProgram>();
    public DbSet<Features.Assessments.Assessment> Assessments => Set<Features.Assessments.Assessment>();
    public DbSet<Features.Numbering.NumberSequence> NumberSequences => Set<Features.Numbering.NumberSequence>();
    public DbSet<FilingApplication> Applications => Set<FilingApplication>();
    public DbSet<ApplicationTransition> ApplicationTransitions => Set<ApplicationTransition>();
    public DbSet<Features.Filing.RecordTransition> RecordTransitions => Set<Features.Filing.RecordTransition>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<AuditBlock> AuditBlocks => Set<AuditBlock>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<BackfillCheckpoint> BackfillCheckpoints => Set<BackfillCheckpoint>();
    public DbSet<Features.Police.Exports.BackgroundExport> BackgroundExports => Set<Features.Police.Exports.BackgroundExport>();
    public DbSet<Features.Content.ContentItem> ContentItems => Set<Features.Content.ContentItem>();
    public DbSet<Features.Content.DownloadItem> DownloadItems => Set<Features.Content.DownloadItem>();
    public DbSet<Features.PublicQuery.PublicWebsite> PublicWebsites => Set<Features.PublicQuery.PublicWebsite>();
    public DbSet<Features.PublicQuery.PublicWebsiteGram> PublicWebsiteGrams => Set<Features.PublicQuery.PublicWebsiteGram>();
    public DbSet<Features.PublicQuery.PublicWebsiteLatePlace> PublicWebsiteLatePlaces => Set<Features.PublicQuery.PublicWebsiteLatePlace>();
    public DbSet<Features.PublicQuery.CommonGram> CommonGrams => Set<Features.PublicQuery.CommonGram>();
    public DbSet<Features.PublicQuery.PublicService> PublicServices => Set<Features.PublicQuery.PublicService>();
    public DbSet<Features.PublicQuery.PublicServiceGram> PublicServiceGrams => Set<Features.PublicQuery.PublicServiceGram>();
    public DbSet<Infrastructure.RateLimits.RateLimitWindow> RateLimitWindows => Set<Infrastructure.RateLimits.RateLimitWindow>();
    public DbSet<Features.Police.Statistics.ReviewBlock> ReviewBlocks => Set<Features.Police.Statistics.ReviewBlock>();
    public DbSet<Features.Police.Statistics.WorkingDayPosition> WorkingDayPositions => Set<Features.Police.Statistics.WorkingDayPosition>();
    public DbSet<Features.Police.Statistics.ReviewCountChange> ReviewCountChanges => Set<Features.Police.Statistics.ReviewCountChange>();
    public DbSet<Features.Police.Statistics.ReviewCountsReady> ReviewCountsReady => Set<Features.Police.Statistics.ReviewCountsReady>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BeianDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AddRecordTransitions();
        Versioning.BumpVersions(ChangeTracker);
        AuditGuard.RefuseTampering(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AddRecordTransitions();
        Versioning.BumpVersions(ChangeTracker);
        AuditGuard.RefuseTampering(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The named transitions the tracked records made since they were loaded, saved with them.</summary>
    private void AddRecordTransitions()
    {
        foreach (var record in ChangeTracker.Entries<Features.Filing.IRecordsTransitions>().Select(e => e.Entity).ToList())
            RecordTransitions.AddRange(record.TakeNewTransitions());
    }
}

public sealed class SqliteBeianDbContext(DbContextOptions<SqliteBeianDbContext> options) : BeianDbContext(options);

public sealed class PostgresBeianDbContext(DbContextOptions<PostgresBeianDbContext> options) : BeianDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        CompactColumns.Apply(builder);
        builder.HasSequence<int>(Features.PublicQuery.FilingOrders.Sequence);
        // The recheck of a name query reads each candidate's name key from the index it finds the row by.
        builder.Entity<Features.PublicQuery.PublicWebsite>().HasIndex(p => p.FilingOrder).IncludeProperties(p => p.NameKey);
        builder.Entity<Features.PublicQuery.PublicService>().HasIndex(p => p.FilingOrder).IncludeProperties(p => p.NameKey);
    }
}
