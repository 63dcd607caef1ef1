namespace Beian.Core.Numbering;

/// <summary>
/// What a 公安备案号 was issued for. The category is carried by digits 7–8 of the 14-digit number.
/// <list type="table">
/// <listheader><term>Digits 7–8</term><description>Category</description></listheader>
/// <item><term>02</term><description>网站 (<see cref="Website"/>) — as on every real website number</description></item>
/// <item><term>03</term><description>APP (<see cref="App"/>) — this platform's choice</description></item>
/// <item><term>04</term><description>小程序 (<see cref="MiniProgram"/>, including 快应用) — this platform's choice</description></item>
/// <item><term>00, 01, 05–99</term><description>reserved; never issued here. A typed number carrying them still
/// parses (it may come from elsewhere) but has no <see cref="FilingCategory"/>.</description></item>
/// </list>
/// Legacy 12-digit numbers carry no category digits at all.
/// </summary>
public enum FilingCategory
{
    Website,
    App,
    MiniProgram,
}

public static class FilingCategories
{
    private static readonly Dictionary<FilingCategory, string> DigitsOf = new()
    {
        [FilingCategory.Website] = "02",
        [FilingCategory.App] = "03",
        [FilingCategory.MiniProgram] = "04",
    };

    private static readonly Dictionary<FilingCategory, string> Labels = new()
    {
        [FilingCategory.Website] = "网站",
        [FilingCategory.App] = "APP",
        [FilingCategory.MiniProgram] = "小程序",
    };

    /// <summary>The two category digits, e.g. "02" for a website.</summary>
    public static string Digits(this FilingCategory category) =>
        DigitsOf.TryGetValue(category, out var digits)
            ? digits
            : throw new ArgumentOutOfRangeException(nameof(category), category, null);

    public static string Label(this FilingCategory category) => Labels[category];

    /// <summary>The category with these two digits, or null if none is defined.</summary>
    public static FilingCategory? FromDigits(string? digits)
    {
        foreach (var (category, value) in DigitsOf)
        {
            if (value == digits) return category;
        }
        return null;
    }

    public static IReadOnlyDictionary<FilingCategory, string> All => DigitsOf;
}
