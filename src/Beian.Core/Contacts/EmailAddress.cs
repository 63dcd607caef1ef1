using System.Text.RegularExpressions;

namespace Beian.Core.Contacts;

/// <summary>
/// A plain mailbox address: local part of letters, digits and . _ % + -, an @, and a domain
/// of at least two labels ending in 2+ letters. Internationalised addresses are out of scope.
/// </summary>
public static partial class EmailAddress
{
    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return false;
        var email = input.Trim();
        return email.Length <= 254 && Pattern().IsMatch(email) && !email.Contains("..");
    }
}
