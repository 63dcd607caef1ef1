using System.Security.Claims;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Content;
using Microsoft.AspNetCore.Identity;

namespace Beian.Web.Features.Admin.Content;

public static class ContentAuthors
{
    /// <summary>The logged-in administrator as the author of what they write: their name, or their user name.</summary>
    public static async Task<ContentAuthor> CurrentAsync(UserManager<ApplicationUser> users, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("No signed-in administrator.");
        return new ContentAuthor(user.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName);
    }
}

/// <summary>The 发布时间 field: typed in Beijing time (datetime-local), stored as UTC.</summary>
public static class PublishedAtField
{
    public const string Format = "yyyy-MM-ddTHH:mm";

    public static string? Show(DateTime? utc) =>
        utc is { } value ? Beian.Core.Time.BeijingTime.FromUtc(value).ToString(Format, System.Globalization.CultureInfo.InvariantCulture) : null;

    public static DateTime? ToUtc(DateTime? beijing) =>
        beijing is { } value ? DateTime.SpecifyKind(value - Beian.Core.Time.BeijingTime.Offset, DateTimeKind.Utc) : null;
}
