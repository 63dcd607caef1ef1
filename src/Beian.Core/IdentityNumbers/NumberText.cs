using System.Globalization;
using System.Text;

namespace Beian.Core.IdentityNumbers;

/// <summary>Input clean-up shared by the validators.</summary>
internal static class NumberText
{
    /// <summary>
    /// Full-width characters to half-width (NFKC), white space removed, letters upper-cased:
    /// "９１４４ 0300…t" → "91440300…T".
    /// </summary>
    public static string Clean(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return string.Empty;
        var halfWidth = input.Normalize(NormalizationForm.FormKC);
        return new string(halfWidth.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
    }

    /// <summary><see cref="Clean"/> and also drop hyphens: "70946113-0" → "709461130".</summary>
    public static string CleanWithoutHyphens(string? input) => Clean(input).Replace("-", string.Empty);

    public static bool AllDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    public static bool AllDigitsOrUpperLetters(string text) =>
        text.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));

    /// <summary>A yyyyMMdd date, or null if it is not a real calendar day.</summary>
    public static DateOnly? ParseDate(string yyyymmdd) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
