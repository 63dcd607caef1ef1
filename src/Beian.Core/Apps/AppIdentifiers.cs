using System.Text.RegularExpressions;

namespace Beian.Core.Apps;

/// <summary>
/// The syntax of what identifies an APP: an Android or HarmonyOS 包名 (SPEC §5:
/// <c>^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$</c>), an iOS Bundle ID (Apple: letters, digits,
/// hyphens and periods, reverse-DNS, at least two parts), a certificate fingerprint as people paste it
/// (with or without colons or spaces, any case) and a public key (hex or Base64).
/// </summary>
public static partial class AppIdentifiers
{
    public const int MaxIdentifierLength = 155;
    public const int MaxPublicKeyLength = 2048;

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$")]
    private static partial Regex PackageNameShape();

    [GeneratedRegex(@"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex BundleIdShape();

    [GeneratedRegex(@"^[0-9A-F]+$")]
    private static partial Regex Hex();

    [GeneratedRegex(@"^[A-Za-z0-9+/]+={0,2}$")]
    private static partial Regex Base64();

    public static bool IsPackageName(string? value) => value is { Length: <= MaxIdentifierLength } && PackageNameShape().IsMatch(value);

    public static bool IsBundleId(string? value) => value is { Length: <= MaxIdentifierLength } && BundleIdShape().IsMatch(value);

    /// <summary>"AB:CD:ef …" → "ABCDEF…": colons, spaces and dashes dropped, upper-cased.</summary>
    public static string NormalizeHex(string? value) =>
        string.Concat((value ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not (':' or '-'))).ToUpperInvariant();

    /// <summary>Null when <paramref name="value"/> is a fingerprint of <paramref name="length"/> hex digits, else the problem.</summary>
    public static string? FingerprintProblem(string? value, int length)
    {
        var hex = NormalizeHex(value);
        if (!Hex().IsMatch(hex)) return "只能包含0-9、A-F的十六进制字符（可带冒号）";
        return hex.Length == length ? null : $"应为{length}位十六进制字符，当前为{hex.Length}位";
    }

    /// <summary>A public key as keytool or openssl prints it: hex (e.g. an RSA modulus) or Base64 (a SubjectPublicKeyInfo).</summary>
    public static bool IsPublicKey(string? value)
    {
        var text = string.Concat((value ?? string.Empty).Where(c => !char.IsWhiteSpace(c)));
        if (text.Length is < 32 or > MaxPublicKeyLength) return false;
        return Hex().IsMatch(NormalizeHex(text)) || Base64().IsMatch(text);
    }

    /// <summary>
    /// The same key however it was pasted: hex normalised and without leading zero bytes (<c>openssl x509 -text</c>
    /// prints an RSA modulus as "00:b9:02:…", <c>openssl x509 -modulus</c> and the package reader as "B902…"),
    /// Base64 without white space.
    /// </summary>
    public static string NormalizePublicKey(string? value)
    {
        var text = string.Concat((value ?? string.Empty).Where(c => !char.IsWhiteSpace(c)));
        var hex = NormalizeHex(text);
        if (!Hex().IsMatch(hex)) return text;
        var start = 0;
        while (hex.Length - start > 2 && hex[start] == '0' && hex[start + 1] == '0') start += 2;
        return hex[start..];
    }

    /// <summary>
    /// Whether a typed key is the package's key (an RSA modulus or an EC/DSA key's bits, in hex or Base64): the same
    /// bytes, or a DER structure holding them — a Base64 SubjectPublicKeyInfo as <c>openssl x509 -pubkey</c> prints it,
    /// or the RSAPublicKey bits in hex — either way round.
    /// </summary>
    public static bool IsSameKey(string? typed, string packageKey)
    {
        if (KeyHex(typed) is not { } mine || KeyHex(packageKey) is not { } theirs) return false;
        const int meaningful = 32;
        return mine == theirs
            || (theirs.Length >= meaningful && mine.Contains(theirs, StringComparison.Ordinal))
            || (mine.Length >= meaningful && theirs.Contains(mine, StringComparison.Ordinal));
    }

    /// <summary>A key's bytes as hex without leading zero bytes, whether it was given in hex or in Base64; null for neither.</summary>
    private static string? KeyHex(string? value)
    {
        var normalized = NormalizePublicKey(value);
        if (normalized.Length > 0 && Hex().IsMatch(normalized)) return normalized;
        if (!Base64().IsMatch(normalized) || normalized.Length % 4 != 0) return null;
        try
        {
            return NormalizePublicKey(Convert.ToHexString(Convert.FromBase64String(normalized)));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
