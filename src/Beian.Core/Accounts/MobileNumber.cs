using System.Text.RegularExpressions;

namespace Beian.Core.Accounts;

/// <summary>Mainland China mobile numbers: 11 digits starting 13–19.</summary>
public static partial class MobileNumber
{
    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex MainlandPattern();

    /// <summary>Strips spaces, dashes and a +86/0086 prefix so that one number has one spelling.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return string.Empty;
        var digits = new string(input.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.StartsWith("+86")) digits = digits[3..];
        else if (digits.StartsWith("0086")) digits = digits[4..];
        return digits;
    }

    public static bool IsValid(string? input) => MainlandPattern().IsMatch(Normalize(input));

    /// <summary>138****5678: the middle four digits hidden.</summary>
    public static string Mask(string? number)
    {
        var n = Normalize(number);
        return n.Length == 11 ? $"{n[..3]}****{n[7..]}" : Masking.MaskMiddle(n);
    }
}
