using System.Text.Json;
using Microsoft.Playwright;

namespace Beian.E2E.Infrastructure;

/// <summary>
/// What every page must pass, whoever looks at it: no serious or critical axe-core violation, and on a
/// 390 px phone no sideways scrolling of the page itself (a wide table scrolls inside its own container).
/// axe-core is evaluated through Playwright, so the app's Content-Security-Policy stays as it is.
/// </summary>
public static class PageChecks
{
    public const int PhoneWidth = 390;

    private static readonly Lazy<string> Axe = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe-core", "axe.min.js")));

    private const string RunAxe = """
        async () => {
            const result = await axe.run(document, { resultTypes: ["violations"] });
            return result.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => `${v.impact} ${v.id} ×${v.nodes.length}: ` + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
        }
        """;

    /// <summary>Problems of the open page (empty when it passes), each naming the page, after a screenshot at phone width.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, string name)
    {
        var problems = new List<string>();
        foreach (var violation in await OnceSettledAsync(page, () => SeriousViolationsAsync(page))) problems.Add($"{name} ({page.Url}): {violation}");
        var width = await OnceSettledAsync(page, () => PhoneWidthAsync(page, name));
        if (width > PhoneWidth) problems.Add($"{name} ({page.Url}): {width} px wide at {PhoneWidth} px");
        return problems;
    }

    /// <summary>
    /// The check again on the page that replaced it when the page navigated meanwhile (上报处理情况 reloads itself while a
    /// report is read): a check is of the page that is shown, not of one that is going away.
    /// </summary>
    private static async Task<T> OnceSettledAsync<T>(IPage page, Func<Task<T>> check)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await check();
            }
            catch (PlaywrightException e) when (attempt < 3 && e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal))
            {
                await page.WaitForLoadStateAsync(LoadState.Load);
            }
        }
    }

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Axe.Value);
        }
        var found = await page.EvaluateAsync<JsonElement>(RunAxe);
        return found.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>
    /// A script that answers <paramref name="value"/> once <paramref name="frames"/> frames were drawn, or after a second
    /// if they were not: headless Chromium at times draws no frame for a page, and an evaluate has no timeout of its
    /// own (a whole E2E run once hung there for a quarter of an hour).
    /// </summary>
    private static string AfterFrames(int frames, string value) => $$"""
        () => new Promise(done => {
            let left = {{frames}};
            const answer = () => done({{value}});
            const frame = () => --left <= 0 ? answer() : requestAnimationFrame(frame);
            requestAnimationFrame(frame);
            setTimeout(answer, 1000);
        })
        """;

    /// <summary>The page's scroll width on a phone, with a screenshot &lt;name&gt;.phone.png; the viewport is restored after.</summary>
    public static async Task<int> PhoneWidthAsync(IPage page, string name)
    {
        var desktop = page.ViewportSize;
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        try
        {
            // Let the page lay itself out again first (Chart.js redraws its canvases a frame after a resize).
            var width = await page.EvaluateAsync<int>(AfterFrames(3, "document.scrollingElement.scrollWidth"));
            await Screenshots.TakeAsync(page, name + ".phone");
            return width;
        }
        finally
        {
            if (desktop is not null)
            {
                await page.SetViewportSizeAsync(desktop.Width, desktop.Height);
                // The media-query change (site.js unfolds the side menu again) is dispatched on the next rendering
                // step; a test that reads the menu before it sees it folded and clicks the wrong summary.
                await page.EvaluateAsync(AfterFrames(2, "null"));
            }
        }
    }
}
