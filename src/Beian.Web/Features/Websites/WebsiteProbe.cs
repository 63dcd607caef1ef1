namespace Beian.Web.Features.Websites;

/// <summary>
/// Whether a site still answers on its main domain: a site may be cancelled only once it is closed.
/// Injectable, so that tests (and deployments without outbound access) decide what it sees.
/// </summary>
public interface IWebsiteProbe
{
    Task<ProbeResult> CheckAsync(string domain, CancellationToken cancellationToken);
}

public enum ProbeOutcome
{
    NotAnswering,
    Answering,
    NotChecked,
}

public sealed record ProbeResult(ProbeOutcome Outcome, string Description);

/// <summary>
/// Asks http://{domain}/ with a short timeout. Enabled by <c>Websites:ProbeLiveSites</c>; off by
/// default because a node may have no outbound network.
/// </summary>
public sealed class HttpWebsiteProbe(IHttpClientFactory clients) : IWebsiteProbe
{
    public async Task<ProbeResult> CheckAsync(string domain, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(nameof(HttpWebsiteProbe));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, $"http://{domain}/");
            using var response = await client.SendAsync(request, cancellationToken);
            return new ProbeResult(ProbeOutcome.Answering, $"网站仍可访问（HTTP {(int)response.StatusCode}）");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new ProbeResult(ProbeOutcome.NotAnswering, "网站已无法访问");
        }
    }
}

/// <summary>The default when probing is off: the reviewer checks by hand.</summary>
public sealed class ManualWebsiteProbe : IWebsiteProbe
{
    public Task<ProbeResult> CheckAsync(string domain, CancellationToken cancellationToken) =>
        Task.FromResult(new ProbeResult(ProbeOutcome.NotChecked, "未自动检测，由审核民警核实网站是否已关闭"));
}
