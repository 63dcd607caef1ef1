using Beian.Web.Data;
using Beian.Web.Features.Demo;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Demo;

/// <summary>Two nodes of a Development deployment starting at once both seed the demo filings.</summary>
public sealed class DemoFilingsRaceTests(DemoFilingsRaceTests.UnseededPlatform platform) : IClassFixture<DemoFilingsRaceTests.UnseededPlatform>
{
    public sealed class UnseededPlatform : PostgresPlatform
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Demo:SeedAccounts"] = "true",
            ["Demo:SeedFilings"] = "false",
        };
    }

    [Fact]
    public async Task Two_seeds_at_once_file_each_demo_website_once_with_its_own_number()
    {
        platform.RequireAvailable();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(SeedAsync)));

        var numbers = await platform.ScopedAsync(async services =>
        {
            var db = services.GetRequiredService<BeianDbContext>();
            var owner = await db.Users.SingleAsync(u => u.UserName == DemoFilings.OwnerUserName);
            return await db.Websites.Where(w => w.OwnerUserId == owner.Id).Select(w => w.NumberDisplay).ToListAsync();
        });
        Assert.Equal(DemoSubject.All.Sum(s => s.Sites.Count), numbers.Count);
        Assert.All(numbers, Assert.NotNull);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    private async Task SeedAsync()
    {
        using var scope = platform.Services.CreateScope();
        await DemoFilings.SeedAsync(scope.ServiceProvider);
    }
}
