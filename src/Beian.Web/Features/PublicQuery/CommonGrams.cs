using Beian.Web.Data;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.PublicQuery;

/// <summary>
/// How many public names hold a common gram (one held by at least <see cref="CommonGrams.Threshold"/>
/// names when last counted). A name query of several grams walks the rarest one's index entries;
/// a rare gram is counted on the spot up to the threshold, but two common ones (平台 and 锦平 both
/// past a thousand) can only be told apart by these counts. Relative frequencies change slowly, so
/// counts a few hours old choose as well as exact ones.
/// </summary>
public class CommonGram
{
    /// <summary>The gram's code (<see cref="Beian.Core.PublicQuery.NameGrams.Code"/>).</summary>
    public int Gram { get; set; }
    public int Count { get; set; }
}

internal sealed class CommonGramConfiguration : IEntityTypeConfiguration<CommonGram>
{
    public void Configure(EntityTypeBuilder<CommonGram> builder)
    {
        builder.ToTable("PublicNameCommonGrams");
        builder.HasKey(g => g.Gram);
        builder.Property(g => g.Gram).ValueGeneratedNever();
    }
}

/// <summary>
/// Recounts <see cref="CommonGram"/> from the name index in one statement (a scan of the index,
/// some seconds at five million sites) under the lease <see cref="LeaseName"/>, so one node does it.
/// </summary>
public sealed class CommonGrams(BeianDbContext db, JobLeases leases)
{
    public const string LeaseName = "public-query-common-grams";
    public const int Threshold = 1000;
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(10);

    /// <summary>One transaction: the query never sees the table half-filled.</summary>
    public static readonly string RecountSql = $"""
        DELETE FROM "PublicNameCommonGrams";
        INSERT INTO "PublicNameCommonGrams" ("Gram", "Count")
        SELECT "Gram", count(*) FROM "PublicWebsiteGrams" GROUP BY "Gram" HAVING count(*) >= {Threshold};
        """;

    /// <summary>Whether this node recounted (false when another holds the lease).</summary>
    public Task<bool> RecountAsync(string holder, CancellationToken cancellationToken) =>
        leases.WhileHoldingAsync(LeaseName, holder, LeaseTime, notHeld: false, async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Database.SetCommandTimeout(LeaseTime);
            await db.Database.ExecuteSqlRawAsync(RecountSql, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
}

/// <summary>
/// Recounts the common grams every <c>PublicQuery:CommonGramsHours</c> (6; 0: never), once per interval across the nodes
/// (<see cref="JobLeases.TryClaimIntervalAsync"/>): a node starting within the interval of another's recount does not recount.
/// </summary>
public sealed class CommonGramsService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<CommonGramsService> logger)
    : PeriodicJob(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(configuration.GetValue("PublicQuery:CommonGramsHours", 6.0));
    protected override string FailureMessage => "Counting the common name grams failed; the query keeps the last counts";
    protected override LogLevel FailureLevel => LogLevel.Warning;

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var holder = JobLeases.NewHolder();
        if (await scope.ServiceProvider.GetRequiredService<JobLeases>().TryClaimIntervalAsync(CommonGrams.LeaseName, holder, Interval, cancellationToken))
            await scope.ServiceProvider.GetRequiredService<CommonGrams>().RecountAsync(holder, cancellationToken);
    }
}
