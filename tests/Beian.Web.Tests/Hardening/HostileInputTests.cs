using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Beian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Hardening;

/// <summary>
/// Every Razor page handler that takes a POST and every API endpoint the app routes (read from its
/// EndpointDataSource) gets a bounded set of hostile values from an anonymous visitor, another applicant,
/// an officer of another county and an administrator, then from the owner of the records in the routes. None may answer 500,
/// or 503 while the database is up, or show a stack trace; every refusal is in Chinese, and an API's is a problem; and
/// nothing the others send changes the owner's records (<see cref="OwnerRecords"/>).
/// </summary>
public abstract partial class HostileInputTests<TPlatform>(TPlatform platform, ITestOutputHelper output)
    where TPlatform : PlatformFixture, IHostilePlatform
{
    /// <summary>Logging out would end the session the other attacks need; it takes no input anyway.</summary>
    private const string SessionEnding = "/Accounts/Logout";

    [Fact]
    public async Task The_suite_attacks_what_the_app_routes()
    {
        platform.RequireAvailable();
        var pages = await AppEndpoints.PagesAsync(platform.Services);
        var handlers = pages.SelectMany(p => p.PostHandlers.Select(h => $"{p.Page.ViewEnginePath}:{h.Name}")).ToList();
        Assert.Contains("/Subjects/Change:Preview", handlers);
        Assert.Contains("/Accounts/Login:", handlers);
        Assert.True(handlers.Count >= 50, $"only {handlers.Count} POST handlers found");
        var apis = AppEndpoints.Apis(platform.Services);
        Assert.Contains(apis, a => a.Pattern.RawText == "/api/websites/precheck");
        Assert.True(apis.Count >= 12, $"only {apis.Count} API endpoints found");
    }

    [Fact]
    public async Task The_suite_sees_upload_fields_and_a_change_to_the_owners_records()
    {
        platform.RequireAvailable();
        var cast = await platform.CastAsync();
        var pages = await AppEndpoints.PagesAsync(platform.Services);
        var fileKeys = pages.SelectMany(p => p.PostHandlers.SelectMany(h => AppEndpoints.FileKeys(p, h, platform.Services))).ToList();
        Assert.Contains("Upload", fileKeys);
        Assert.Contains("Report.File", fileKeys);
        Assert.Contains("Uploads[hostile].File", fileKeys);
        var wizard = pages.Single(p => p.Page.ViewEnginePath == "/Filing/New");
        var wizardKeys = wizard.PostHandlers.SelectMany(h => AppEndpoints.FormKeys(wizard, h, platform.Services)).ToList();
        Assert.Contains("BasicInfo.Name", wizardKeys);
        Assert.Contains("BasicInfo.MainDomain", wizardKeys);
        Assert.Contains("People.Principal.Name", wizardKeys);

        var before = await OwnerRecords.SnapshotAsync(platform, cast.OwnerUserId);
        await platform.ScopedAsync(async s =>
        {
            s.GetRequiredService<Features.Messages.Notifier>().Notify(cast.OwnerUserId, "测试", "快照应看到这条消息");
            await s.GetRequiredService<Data.BeianDbContext>().SaveChangesAsync();
            return 0;
        });
        Assert.NotEqual(before, await OwnerRecords.SnapshotAsync(platform, cast.OwnerUserId));
    }

    [Fact]
    public async Task Every_post_handler_refuses_hostile_forms_cleanly()
    {
        platform.RequireAvailable();
        var cast = await platform.CastAsync();
        var pages = await AppEndpoints.PagesAsync(platform.Services);
        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await AttackAsync(cast, failures, attacker => PostFormsAsync(attacker, pages, cast.OwnerIds, failures));
        output.WriteLine($"hostile forms: {clock.Elapsed}");
        Assert.True(failures.IsEmpty, Report(failures));
    }

    [Fact]
    public async Task Every_page_answers_hostile_query_and_route_values_cleanly()
    {
        platform.RequireAvailable();
        var cast = await platform.CastAsync();
        var pages = await AppEndpoints.PagesAsync(platform.Services);
        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await AttackAsync(cast, failures, attacker => GetPagesAsync(attacker, pages, cast.OwnerIds, failures));
        output.WriteLine($"hostile queries: {clock.Elapsed}");
        Assert.True(failures.IsEmpty, Report(failures));
    }

    [Fact]
    public async Task Every_api_endpoint_answers_hostile_requests_with_chinese_problems()
    {
        platform.RequireAvailable();
        var cast = await platform.CastAsync();
        var apis = AppEndpoints.Apis(platform.Services);
        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await AttackAsync(cast, failures, attacker => CallApisAsync(attacker, apis, cast.OwnerIds, failures));
        output.WriteLine($"hostile API calls: {clock.Elapsed}");
        Assert.True(failures.IsEmpty, Report(failures));
    }

    /// <summary>
    /// The others attack at once, and the owner's records must be as they were; then the owner attacks (and
    /// may change their own records, which is no finding).
    /// </summary>
    private async Task AttackAsync(HostileCast cast, ConcurrentBag<string> failures, Func<Attacker, Task> attack)
    {
        var before = await OwnerRecords.SnapshotAsync(platform, cast.OwnerUserId);
        await Task.WhenAll(cast.Attackers.Where(a => !a.IsOwner).Select(attack));
        var after = await OwnerRecords.SnapshotAsync(platform, cast.OwnerUserId);
        if (after != before) failures.Add($"others' requests changed the owner's records:\n{LinesOnlyIn(after, before)}");
        await Task.WhenAll(cast.Attackers.Where(a => a.IsOwner).Select(attack));
    }

    private static string LinesOnlyIn(string text, string other) =>
        string.Join('\n', text.Split('\n').Except(other.Split('\n')).Take(20));

    private async Task PostFormsAsync(Attacker attacker, IReadOnlyList<PageRoute> pages, IReadOnlyList<Guid> ids, ConcurrentBag<string> failures)
    {
        foreach (var page in pages.Where(p => !attacker.HasSession || p.Page.ViewEnginePath != SessionEnding))
        {
            foreach (var handler in page.PostHandlers)
            {
                var keys = AppEndpoints.FormKeys(page, handler, platform.Services);
                var files = AppEndpoints.FileKeys(page, handler, platform.Services);
                var query = handler.Name is { } name ? $"?handler={name}" : string.Empty;
                for (var i = 0; i < HostileValues.Forms.Count; i++)
                {
                    var form = HostileValues.Forms[i];
                    foreach (var path in PathsOf(page.Pattern, ids[i % ids.Count]))
                    {
                        var content = new StringContent(form.Body(keys, attacker.Token), Encoding.UTF8, "application/x-www-form-urlencoded");
                        await CheckAsync(attacker, $"POST {path}{query} ({form.Name})", failures, api: false,
                            () => attacker.Client.Http.PostAsync(path + query, content));
                    }
                }
                foreach (var multipart in HostileValues.Multiparts.Where(m => !m.NeedsFiles || files.Count > 0))
                {
                    var path = PathsOf(page.Pattern, ids[0]).First();
                    await CheckAsync(attacker, $"POST {path}{query} ({multipart.Name})", failures, api: false,
                        () => attacker.Client.Http.PostAsync(path + query, multipart.Body(keys, files, attacker.Token)));
                }
            }
        }
    }

    private async Task GetPagesAsync(Attacker attacker, IReadOnlyList<PageRoute> pages, IReadOnlyList<Guid> ids, ConcurrentBag<string> failures)
    {
        foreach (var page in pages.Where(p => p.GetHandlers.Any() || p.Page.HandlerMethods.Count == 0))
        {
            var keys = AppEndpoints.QueryKeys(page);
            foreach (var value in HostileValues.QueryValues)
            {
                var query = "?" + string.Join('&', keys.Select(k => $"{k}={HostileValues.Encode(value)}"));
                foreach (var path in PathsOf(page.Pattern, ids[0], value))
                    await CheckAsync(attacker, $"GET {path}{query}", failures, api: false, () => attacker.Client.Http.GetAsync(path + query));
            }
        }
    }

    private async Task CallApisAsync(Attacker attacker, IReadOnlyList<ApiRoute> apis, IReadOnlyList<Guid> ids, ConcurrentBag<string> failures)
    {
        var services = platform.Services.GetRequiredService<IServiceProviderIsService>();
        foreach (var api in apis)
        {
            var input = api.Parameters.Where(p => !services.IsService(p.ParameterType) && !IsFrameworkType(p.ParameterType)).ToList();
            var queryKeys = input.Where(p => IsSimple(p.ParameterType) && api.Pattern.GetParameter(p.Name!) == null).Select(p => p.Name!).ToList();
            var body = input.FirstOrDefault(p => !IsSimple(p.ParameterType));
            foreach (var request in ApiRequests(api, queryKeys, body?.ParameterType, ids))
                await CheckAsync(attacker, request.Name, failures, api.AnswersProblems, () => attacker.Client.Http.SendAsync(request.Build()));
        }
    }

    private sealed record ApiRequest(string Name, Func<HttpRequestMessage> Build);

    private IEnumerable<ApiRequest> ApiRequests(ApiRoute api, IReadOnlyList<string> queryKeys, Type? bodyType, IReadOnlyList<Guid> ids)
    {
        var method = api.Methods.Contains("GET") ? HttpMethod.Get : new HttpMethod(api.Methods[0]);
        var plain = PathsOf(api.Pattern, ids[0]).First();
        foreach (var value in HostileValues.QueryValues.Concat([HostileValues.Nul, HostileValues.Controls, HostileValues.HundredKilobytes]))
        {
            var url = plain + "?" + string.Join('&', queryKeys.Select(k => $"{k}={HostileValues.Encode(value)}"));
            yield return new($"{method} {url[..Math.Min(url.Length, 160)]}", () => new HttpRequestMessage(method, url));
        }
        foreach (var path in PathsOf(api.Pattern, ids[1], "hostile").Concat(PathsOf(api.Pattern, ids[2])).Distinct())
            yield return new($"{method} {path[..Math.Min(path.Length, 160)]}", () => new HttpRequestMessage(method, path));
        var wrongMethod = method == HttpMethod.Get ? HttpMethod.Post : HttpMethod.Get;
        yield return new($"{wrongMethod} {plain}", () => new HttpRequestMessage(wrongMethod, plain));
        if (bodyType == null) yield break;
        yield return new($"{method} {plain} (text/plain)", () => new HttpRequestMessage(method, plain) { Content = new StringContent("x=1", Encoding.UTF8, "text/plain") });
        foreach (var (name, json) in HostileValues.JsonBodies(bodyType))
            yield return new($"{method} {plain} ({name})", () => new HttpRequestMessage(method, plain) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }

    /// <summary>
    /// The paths of a route: each business for <c>{business}</c>, <paramref name="id"/> for an id, and for any
    /// other parameter <paramref name="hostile"/> (escaped) when given, else a plain value.
    /// </summary>
    private IEnumerable<string> PathsOf(RoutePattern pattern, Guid id, string? hostile = null)
    {
        var businesses = pattern.Parameters.Any(IsBusiness) ? AppEndpoints.BusinessSegments(platform.Services) : [string.Empty];
        return businesses.Select(business => AppEndpoints.PathOf(pattern, parameter => parameter switch
        {
            _ when IsBusiness(parameter) => business,
            _ when AppEndpoints.ConstraintsOf(parameter).Contains("guid") => id.ToString(),
            _ when AppEndpoints.ConstraintsOf(parameter).FirstOrDefault(c => c.StartsWith("regex(")) is { } regex => FirstAlternative(regex),
            { IsOptional: true } when hostile == null => null,
            _ => hostile == null ? "1" : HostileValues.Encode(hostile),
        }));
    }

    private static bool IsBusiness(RoutePatternParameterPart parameter) => AppEndpoints.ConstraintsOf(parameter).Contains("business");

    private static string FirstAlternative(string regex) => OneAlternative().Match(regex).Groups[1].Value;

    private static async Task CheckAsync(Attacker attacker, string request, ConcurrentBag<string> failures, bool api, Func<Task<HttpResponseMessage>> send)
    {
        using var response = await send();
        if (await ProblemWithAsync(response, api) is { } problem)
            failures.Add($"{attacker.Name}: {request} → {(int)response.StatusCode} {problem}");
    }

    private static async Task<string?> ProblemWithAsync(HttpResponseMessage response, bool api)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status is 500 or 503) return "a failure while the database is up";
        if (body.Contains("Exception") || body.Contains("   at ")) return "shows a stack trace";
        if (status < 400 || response.RequestMessage!.Method == HttpMethod.Head) return null;
        if (!Chinese().IsMatch(body)) return "refuses without a Chinese message";
        if (api && response.Content.Headers.ContentType?.MediaType != "application/problem+json") return "an API refusal that is not a problem";
        return null;
    }

    private static string Report(ConcurrentBag<string> failures) =>
        $"{failures.Count} hostile requests answered badly:\n" + string.Join('\n', failures.Order().Take(80));

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateOnly);
    }

    private static bool IsFrameworkType(Type type) =>
        type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(CancellationToken) || type == typeof(IFormFile);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"\^([^$|]+)\$")]
    private static partial Regex OneAlternative();
}

public sealed class HostileInputTests_Sqlite(HostileSqlitePlatform platform, ITestOutputHelper output)
    : HostileInputTests<HostileSqlitePlatform>(platform, output), IClassFixture<HostileSqlitePlatform>;

public sealed class HostileInputTests_Postgres(HostilePostgresPlatform platform, ITestOutputHelper output)
    : HostileInputTests<HostilePostgresPlatform>(platform, output), IClassFixture<HostilePostgresPlatform>;
