using System.Text;
using Microsoft.Playwright;

namespace Beian.E2E.Infrastructure;

/// <summary>
/// Full-page screenshots for humans, written to &lt;repo&gt;/TestResults/screenshots/&lt;name&gt;.png
/// (or to $BEIAN_TEST_SCREENSHOTS when set).
/// </summary>
public static class Screenshots
{
    public static string Directory { get; } = ResolveDirectory();

    public static async Task<string> TakeAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var file = Path.Combine(Directory, Sanitize(name) + ".png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        return file;
    }

    private static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }
        return sb.ToString();
    }

    private static string ResolveDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable("BEIAN_TEST_SCREENSHOTS");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Beian.sln")))
            {
                return Path.Combine(dir.FullName, "TestResults", "screenshots");
            }
        }
        return Path.Combine(System.IO.Directory.GetCurrentDirectory(), "TestResults", "screenshots");
    }
}
