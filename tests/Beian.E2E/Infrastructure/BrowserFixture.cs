using Beian.Testing;
using Microsoft.Playwright;

namespace Beian.E2E.Infrastructure;

/// <summary>
/// One headless Chromium (Debian's, never a downloaded one) per test assembly.
/// <see cref="Browser"/> is null when the machine has no Chromium; tests then skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--lang=zh-CN", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public IPlaywright? Playwright { get; private set; }

    public IBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var path = TestEnvironment.ChromiumPath;
        if (path is null)
        {
            return;
        }
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = path,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
            await Browser.DisposeAsync();
        }
        Playwright?.Dispose();
    }
}
