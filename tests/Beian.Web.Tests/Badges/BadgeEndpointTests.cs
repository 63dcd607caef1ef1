using System.Net;
using System.Xml.Linq;
using Beian.Web.Features.Badges;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Beian.Web.Tests.Badges;

/// <summary>
/// /badge.svg and /badge.png on a bare host that maps only <see cref="BadgeEndpoints.MapBadges"/>:
/// the endpoints need no database, services or login, so they are tested without the platform around them.
/// </summary>
public sealed class BadgeEndpointTests(BadgeEndpointTests.BadgeHost host) : IClassFixture<BadgeEndpointTests.BadgeHost>
{
    public sealed class BadgeHost : IAsyncLifetime
    {
        private WebApplication? _app;

        public HttpClient NewClient() => _app!.GetTestClient();

        public async ValueTask InitializeAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseTestServer();
            builder.Services.AddProblemDetails();
            _app = builder.Build();
            _app.MapBadges();
            await _app.StartAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (_app != null) await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Svg_badge_is_an_anonymous_cacheable_svg_document_with_the_viewbox()
    {
        using var client = host.NewClient();
        var response = await client.GetAsync("/badge.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(BadgeEndpoints.CacheControl, response.Headers.CacheControl?.ToString());
        Assert.Null(response.Content.Headers.ContentDisposition);
        var svg = XElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Name);
        Assert.Equal("0 0 20 20", svg.Attribute("viewBox")?.Value);
        Assert.Equal(3, svg.Elements().Count());
    }

    [Theory]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(80)]
    [InlineData(160)]
    public async Task Png_badge_has_the_requested_size_and_shows_navy_and_gold(int size)
    {
        using var client = host.NewClient();
        var response = await client.GetAsync($"/badge.png?size={size}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(BadgeEndpoints.CacheControl, response.Headers.CacheControl?.ToString());
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(bitmap);
        Assert.Equal(size, bitmap.Width);
        Assert.Equal(size, bitmap.Height);

        int navy = 0, gold = 0;
        for (var x = 0; x < size; x++)
            for (var y = 0; y < size; y++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Alpha < 200) continue;
                if (Near(c, SKColor.Parse(Core.Numbering.BadgeSvg.Navy))) navy++;
                if (Near(c, SKColor.Parse(Core.Numbering.BadgeSvg.Gold))) gold++;
            }
        Assert.True(navy > 0, "no navy pixels");
        Assert.True(gold > 0, "no gold pixels");
        Assert.Equal(0, bitmap.GetPixel(0, 0).Alpha); // transparent corner
    }

    [Fact]
    public async Task Head_requests_answer_like_get()
    {
        using var client = host.NewClient();
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/badge.png?size=20"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(BadgeEndpoints.CacheControl, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Png_badge_defaults_to_40_pixels()
    {
        using var client = host.NewClient();
        using var bitmap = SKBitmap.Decode(await client.GetByteArrayAsync("/badge.png"));
        Assert.Equal(40, bitmap.Width);
    }

    [Theory]
    [InlineData("/badge.png?size=41")]
    [InlineData("/badge.png?size=0")]
    [InlineData("/badge.png?size=-20")]
    [InlineData("/badge.png?size=100000")]
    [InlineData("/badge.png?size=abc")]
    public async Task An_unoffered_size_is_a_bad_request(string url)
    {
        using var client = host.NewClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/badge.png?size=80&download=1", "gongan-beian.png", "image/png")]
    [InlineData("/badge.svg?download=1", "gongan-beian.svg", "image/svg+xml")]
    public async Task Download_links_serve_an_attachment(string url, string fileName, string mediaType)
    {
        using var client = host.NewClient();
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(fileName, disposition.FileName);
    }

    private static bool Near(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) < 60;
}
