using System.Diagnostics.CodeAnalysis;
using System.Text;
using Beian.Core.Websites;

namespace Beian.Core.PublicQuery;

/// <summary>
/// 域名 as the public query matches it. Every domain of a filed site (主域名, each 从域名, and the bare
/// form of a www. domain) is stored as a host; a query is normalised to its host (lower-case, IDN to
/// ASCII, without scheme, user, port, path) and tries that host and each parent up to its registrable
/// domain — a handful of equality look-ups — so www.example.com, m.example.com and example.com all
/// find the site filed as example.com.
/// </summary>
public static class DomainLookup
{
    /// <summary>Parents tried at most: no filed host is that deep.</summary>
    public const int MaxCandidates = 16;

    public const string IpAddressMessage = "公共查询不支持按IP地址查询，请输入域名（如：example.com）";

    /// <summary>
    /// The candidate hosts of what a visitor typed (https://www.例子.中国:8080/a?b → www.xn--fsqu00a.xn--fiqs8s,
    /// xn--fsqu00a.xn--fiqs8s), most specific first; false with a Chinese message when it is no domain.
    /// </summary>
    public static bool TryParseQuery(string? input, [NotNullWhen(true)] out IReadOnlyList<string>? candidates, [NotNullWhen(false)] out string? error)
    {
        candidates = null;
        var host = HostOf(input);
        if (host.Length == 0)
        {
            error = "请输入域名";
            return false;
        }
        if (host.StartsWith('[') || host.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            error = IpAddressMessage;
            return false;
        }
        if (!DomainName.TryParse(host, out var domain, out var message))
        {
            error = message;
            return false;
        }
        var keep = domain.RegistrableDomain.Labels.Count;
        candidates = Enumerable.Range(0, domain.Labels.Count - keep + 1)
            .Select(skip => string.Join('.', domain.Labels.Skip(skip)))
            .TakeLast(MaxCandidates)
            .ToList();
        error = null;
        return true;
    }

    /// <summary>
    /// The hosts stored for a filed site: its 主域名 and 从域名 in ASCII (those that parse), and for a
    /// www. domain its bare form too, so that example.com finds a site filed as www.example.com.
    /// </summary>
    public static IReadOnlyList<string> HostsOf(string? mainDomain, IEnumerable<string> subDomains)
    {
        var hosts = new List<string>();
        foreach (var typed in subDomains.Prepend(mainDomain ?? string.Empty))
        {
            if (!DomainName.TryParse(typed, out var domain)) continue;
            hosts.Add(domain.Ascii);
            if (!domain.WithoutWww.Equals(domain) && domain.WithoutWww.Labels.Count >= domain.RegistrableDomain.Labels.Count)
                hosts.Add(domain.WithoutWww.Ascii);
        }
        return hosts.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The host part of a URL or domain as typed: no scheme, user, port, path, query or trailing dot.</summary>
    private static string HostOf(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return string.Empty;
        var text = input.Trim().Normalize(NormalizationForm.FormKC).Replace('。', '.').ToLowerInvariant();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) text = text[(scheme + 3)..];
        else if (text.StartsWith("//", StringComparison.Ordinal)) text = text[2..];
        var end = text.IndexOfAny(['/', '?', '#', '\\']);
        if (end >= 0) text = text[..end];
        var user = text.LastIndexOf('@');
        if (user >= 0) text = text[(user + 1)..];
        if (!text.StartsWith('['))
        {
            var port = text.LastIndexOf(':');
            if (port >= 0 && text[(port + 1)..].All(char.IsAsciiDigit)) text = text[..port];
        }
        return text.TrimEnd('.');
    }
}
