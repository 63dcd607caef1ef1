using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Beian.Web.Tests.Infrastructure;

/// <summary>Reads the Development outbox page (/dev/outbox) as a tester would.</summary>
public static partial class OutboxReader
{
    public static async Task<IReadOnlyList<(string Channel, string Recipient, string Body)>> MessagesAsync(PlatformFixture platform)
    {
        using var client = platform.NewClient();
        var page = await client.GetAsync("/dev/outbox");
        return page.QuerySelectorAll("tr.outbox-message")
            .Select(row => (row.GetAttribute("data-channel")!, row.GetAttribute("data-recipient")!,
                row.QuerySelector(".outbox-body")!.TextContent))
            .ToList();
    }

    /// <summary>The newest SMS code sent to a number.</summary>
    public static async Task<string> LatestSmsCodeAsync(PlatformFixture platform, string mobile)
    {
        var message = (await MessagesAsync(platform)).First(m => m.Channel == "Sms" && m.Recipient == mobile);
        return SixDigits().Match(message.Body).Value;
    }

    /// <summary>The link in the newest email sent to an address.</summary>
    public static async Task<string> LatestEmailLinkAsync(PlatformFixture platform, string address)
    {
        var message = (await MessagesAsync(platform)).First(m => m.Channel == "Email" && m.Recipient == address);
        return Link().Match(message.Body).Value;
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
