using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Beian.Web.Infrastructure.Hosting;

/// <summary>Settings under <c>Platform:</c>.</summary>
public sealed class PlatformOptions
{
    /// <summary>
    /// <c>Platform:PublicBaseUrl</c>: where people reach the platform, e.g. <c>https://beian.example.gov.cn</c>
    /// (a path after the host is kept). Links sent by email are built on it, never on the request's Host header.
    /// </summary>
    public string PublicBaseUrl { get; set; } = string.Empty;
}

/// <summary>
/// The platform's public address: the base of links that leave it (<see cref="PublicLinks"/>) and the
/// only host name answered outside Development (with those listed in <c>AllowedHosts</c>).
/// </summary>
public static class PublicHost
{
    public const string InvalidBaseUrl = "Platform:PublicBaseUrl must be the platform's absolute http(s) address, e.g. https://beian.example.gov.cn";

    public static IServiceCollection AddPublicHost(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<PlatformOptions>().Bind(configuration.GetSection("Platform"))
            .Validate(options => IsBaseUrl(options.PublicBaseUrl), InvalidBaseUrl)
            .ValidateOnStart();
        services.AddSingleton<PublicLinks>();
        if (!environment.IsDevelopment())
            services.AddOptions<HostFilteringOptions>().Configure<IOptions<PlatformOptions>>((hosts, platform) =>
                hosts.AllowedHosts = AllowedHosts(platform.Value, configuration["AllowedHosts"]));
        return services;
    }

    /// <summary>
    /// The host of the public address and the names listed in <c>AllowedHosts</c> (separated by ';', e.g. a
    /// node's own name for a health check); "*" is not honoured, so that a forged Host header is refused (400).
    /// </summary>
    public static List<string> AllowedHosts(PlatformOptions platform, string? configured)
    {
        var listed = (configured ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [new Uri(platform.PublicBaseUrl).IdnHost, .. listed.Where(host => host != "*")];
    }

    private static bool IsBaseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Query.Length == 0 && uri.Fragment.Length == 0;
}

/// <summary>Absolute links to the platform for messages that leave it (emails), on <see cref="PlatformOptions.PublicBaseUrl"/>.</summary>
public sealed class PublicLinks(IOptions<PlatformOptions> options, LinkGenerator links)
{
    /// <summary>e.g. <c>https://beian.example.gov.cn/Profile/ConfirmEmail?userId=…&amp;token=…</c></summary>
    public string Page(string pageName, object? values)
    {
        var path = links.GetPathByPage(pageName, handler: null, values, pathBase: PathString.Empty)
            ?? throw new InvalidOperationException($"There is no page {pageName}.");
        return options.Value.PublicBaseUrl.TrimEnd('/') + path;
    }
}
