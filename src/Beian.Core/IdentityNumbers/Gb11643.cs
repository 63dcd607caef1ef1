namespace Beian.Core.IdentityNumbers;

/// <summary>
/// GB 11643-1999 公民身份号码: 6-digit area code, 8-digit birth date (yyyyMMdd), 3-digit
/// sequence and one check character (ISO 7064 MOD 11-2). The 港澳台居民居住证 and the 2023
/// 外国人永久居留身份证 use the same layout and check character.
/// </summary>
public static class Gb11643
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>The check character (0–9 or X) for the first 17 digits.</summary>
    public static char CheckCharacter(string first17Digits)
    {
        if (first17Digits.Length != 17 || !NumberText.AllDigits(first17Digits))
        {
            throw new ArgumentException("Expected 17 digits.", nameof(first17Digits));
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17Digits[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>17 digits followed by a digit or X (already upper-cased).</summary>
    public static bool HasValidShape(string number) =>
        number.Length == 18
        && NumberText.AllDigits(number[..17])
        && (char.IsAsciiDigit(number[17]) || number[17] == 'X');

    public static bool HasValidCheckCharacter(string number) =>
        HasValidShape(number) && CheckCharacter(number[..17]) == number[17];

    /// <summary>The birth date in characters 7–14, or null if it is not a real day.</summary>
    public static DateOnly? BirthDate(string number) =>
        number.Length >= 14 ? NumberText.ParseDate(number[6..14]) : null;

    /// <summary>A real day before 1900-01-01: no living holder was born then, the number is probably mistyped.</summary>
    public static bool IsBeforeEarliestBirthDate(DateOnly? birthDate) => birthDate < EarliestBirthDate;

    /// <summary>A real day, not before 1900-01-01 and not after <paramref name="today"/>.</summary>
    public static bool IsPlausibleBirthDate(DateOnly? birthDate, DateOnly today) =>
        birthDate is { } date && date >= EarliestBirthDate && date <= today;
}
