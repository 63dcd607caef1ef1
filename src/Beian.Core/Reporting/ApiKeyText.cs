using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Beian.Core.Reporting;

/// <summary>
/// A reporter's API key as it is shown once and sent in <c>Authorization: Bearer …</c>:
/// <c>bak_{prefix}_{secret}</c>, a 12-character look-up prefix and 32 random bytes in URL-safe Base64. Only
/// the SHA-256 of the whole key is kept (the secret is random enough that a slow hash adds nothing), and the
/// prefix finds the row so that the comparison is one row, in constant time.
/// </summary>
public sealed partial record ApiKeyText(string Prefix, string Secret)
{
    public const string Scheme = "bak";

    public string Value => $"{Scheme}_{Prefix}_{Secret}";

    /// <summary>What the list shows of a key after it was created: its prefix only.</summary>
    public static string Display(string prefix) => $"{Scheme}_{prefix}_…";

    public static ApiKeyText New() =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), Base64Url(RandomNumberGenerator.GetBytes(32)));

    public static bool TryParse(string? text, out ApiKeyText key)
    {
        key = null!;
        var match = text == null ? Match.Empty : Shape().Match(text.Trim());
        if (!match.Success) return false;
        key = new ApiKeyText(match.Groups["prefix"].Value, match.Groups["secret"].Value);
        return true;
    }

    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Value)));

    public bool Matches(string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash()), Encoding.ASCII.GetBytes(storedHash));

    public override string ToString() => Display(Prefix);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^bak_(?<prefix>[0-9a-f]{12})_(?<secret>[A-Za-z0-9_-]{43})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
