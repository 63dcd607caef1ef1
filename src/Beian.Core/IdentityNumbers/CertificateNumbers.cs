namespace Beian.Core.IdentityNumbers;

/// <summary>Certificate numbers as people type them.</summary>
public static class CertificateNumbers
{
    /// <summary>The same certificate however it is spelt (spaces, full-width characters, letter case); never two empty ones.</summary>
    public static bool AreSame(string? first, string? second)
    {
        var cleaned = NumberText.Clean(first);
        return cleaned.Length > 0 && cleaned == NumberText.Clean(second);
    }
}
