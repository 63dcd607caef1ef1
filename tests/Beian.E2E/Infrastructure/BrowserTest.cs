using Beian.Testing;
using Microsoft.Playwright;

namespace Beian.E2E.Infrastructure;

/// <summary>
/// Base class for browser tests: a fresh browser context and page per test (own cookies),
/// opened against <see cref="PlatformServer.BaseUrl"/>; a screenshot named
/// &lt;Class&gt;.&lt;Method&gt;.png is taken at the end of every test, passed or failed.
/// Touching <see cref="Page"/> skips the test when the machine has no Chromium.
/// </summary>
public abstract class BrowserTest(PlatformServer server, BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>
    /// Playwright's timeout for actions and expectations: a missing page still fails in seconds, and a page of a
    /// server that shares CI's two cores with the other test assemblies has time to come (10 s once was not).
    /// </summary>
    public const float TimeoutMs = 20_000;

    private IBrowserContext? _context;
    private IPage? _page;
    private readonly List<IBrowserContext> _others = [];

    protected PlatformServer Server => server;

    protected IPage Page
    {
        get
        {
            Assert.SkipWhen(_page is null, TestEnvironment.ChromiumSkipReason);
            return _page!;
        }
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    public virtual async ValueTask InitializeAsync()
    {
        if (browser.Browser is null)
        {
            return;
        }
        Assertions.SetDefaultExpectTimeout(TimeoutMs);
        _context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = server.BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        _context.SetDefaultTimeout(TimeoutMs);
        _page = await _context.NewPageAsync();
    }

    /// <summary>
    /// A second person at another computer (own cookies), e.g. the reviewer beside the applicant.
    /// Buttons that ask "确定…吗？" are answered 确定, as that person would.
    /// </summary>
    protected async Task<IPage> AnotherPersonAsync()
    {
        var context = await browser.Browser!.NewContextAsync(new()
        {
            BaseURL = server.BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(TimeoutMs);
        _others.Add(context);
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return page;
    }

    /// <summary>
    /// A screenshot in the middle of a test (&lt;Class&gt;.&lt;Method&gt;.&lt;step&gt;.png), and the page checked as every page
    /// is: no serious axe-core violation, no sideways scrolling on a phone.
    /// </summary>
    protected async Task<string> ScreenshotAsync(IPage page, string step)
    {
        var name = TestName() + "." + step;
        var path = await Screenshots.TakeAsync(page, name);
        var problems = await PageChecks.ProblemsAsync(page, name);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return path;
    }

    protected Task<string> ScreenshotAsync(string step) => ScreenshotAsync(Page, step);

    public virtual async ValueTask DisposeAsync()
    {
        if (_page is not null)
        {
            try
            {
                await Screenshots.TakeAsync(_page, TestName());
            }
            catch (PlaywrightException)
            {
                // A crashed or closed page must not hide the test's own result.
            }
        }
        foreach (var other in _others)
        {
            await other.CloseAsync();
        }
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
        GC.SuppressFinalize(this);
    }

    private string TestName()
    {
        var method = TestContext.Current.TestMethod?.MethodName ?? "test";
        return GetType().Name + "." + method;
    }
}
