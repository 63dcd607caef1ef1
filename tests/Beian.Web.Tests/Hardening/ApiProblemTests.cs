using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Operations;

namespace Beian.Web.Tests.Hardening;

/// <summary>
/// Every error of a JSON API, whoever produces it (binding, routing, the input rules, the endpoint), is
/// application/problem+json with a Chinese title and detail, never an HTML page; in Development (which
/// throws on bad requests) as in Production (which answers them without a body).
/// </summary>
public abstract partial class ApiProblemTests(PlatformFixture platform)
{
    private const string Precheck = "/api/websites/precheck";

    [Fact]
    public async Task Malformed_json_to_the_precheck_answers_a_400_problem()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        await AssertProblemAsync(await client.Http.PostAsync(Precheck, Json("{\"subjectNature\": \"Individual\", ")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_answers_a_400_problem()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        await AssertProblemAsync(await client.Http.PostAsync(Precheck, Json("{\"subjectNature\": \"Individual\", \"hasDomain\": \"maybe\"}")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_nul_in_a_json_field_answers_a_400_problem_naming_the_field()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var response = await client.Http.PostAsync(Precheck, Json("{\"subjectNature\": \"Individual\", \"hasDomain\": true, \"mainDomain\": \"a\\u0000.cn\"}"));
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("request.MainDomain：此项含有不允许的控制字符或无效字符，请删除后重新填写", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_answers_a_415_problem()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        var response = await client.Http.PostAsync(Precheck, new StringContent("subjectNature=Individual", Encoding.UTF8, "text/plain"));
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_get_to_the_precheck_answers_a_405_problem()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        await AssertProblemAsync(await client.Http.GetAsync(Precheck), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task An_unknown_api_answers_a_404_problem()
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        await AssertProblemAsync(await client.Http.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/badge.png?size=abc")]
    [InlineData("/badge.png?size=99999999999")]
    [InlineData("/badge.png?size=%00")]
    [InlineData("/api/public/websites?name=%E5%B0%8F%00")]
    [InlineData("/api/regions/33%01/children")]
    public async Task A_malformed_query_or_route_value_answers_a_400_problem(string url)
    {
        platform.RequireAvailable();
        using var client = platform.NewClient();
        await AssertProblemAsync(await client.Http.GetAsync(url), HttpStatusCode.BadRequest);
    }

    /// <summary>The problem's body, once its type, status and Chinese wording are checked.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Matches(Chinese(), problem.GetProperty("title").GetString());
        Assert.Matches(Chinese(), problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("Exception", body);
        return problem;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}

public sealed class ApiProblemTests_Sqlite(SqlitePlatform platform)
    : ApiProblemTests(platform), IClassFixture<SqlitePlatform>;

public sealed class ApiProblemTests_Postgres(PostgresPlatform platform)
    : ApiProblemTests(platform), IClassFixture<PostgresPlatform>;

public sealed class ApiProblemTests_Production(ProductionModeTests.ProductionPlatform platform)
    : ApiProblemTests(platform), IClassFixture<ProductionModeTests.ProductionPlatform>;
