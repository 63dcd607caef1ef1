using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Infrastructure;

/// <summary>Races: one action per server (each in its own scope), all released at the same moment.</summary>
public static class AtOnce
{
    public static async Task<T[]> RunAsync<T>(IReadOnlyList<IServiceProvider> servers, Func<IServiceProvider, int, Task<T>> act)
    {
        using var start = new SemaphoreSlim(0);
        var runs = servers.Select(async (server, i) =>
        {
            await start.WaitAsync();
            using var scope = server.CreateScope();
            return await act(scope.ServiceProvider, i);
        }).ToList();
        start.Release(servers.Count);
        return await Task.WhenAll(runs);
    }
}
