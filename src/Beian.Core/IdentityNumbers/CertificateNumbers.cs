namespace Beian.Core.IdentityNumbers;

/// <summary>Certificate numbers as people type them.</summary>
public static class CertificateNumbers
{
    /// <summary>
    /// The number as the validators read it, to be stored and compared: half-width, without spaces, letters
    /// upper-cased, so a 居民身份证 ending in a lower-case x is kept with X ("110105 19491231 002x" →
    /// "11010519491231002X"). Nothing typed stays as it is.
    /// </summary>
    public static string? Normalize(string? number) =>
        string.IsNullOrWhiteSpace(number) ? number : NumberText.Clean(number);

    /// <summary>The same certificate however it is spelt (spaces, full-width characters, letter case); never two empty ones.</summary>
    public static bool AreSame(string? first, string? second)
    {
        var cleaned = NumberText.Clean(first);
        return cleaned.Length > 0 && cleaned == NumberText.Clean(second);
    }
}
