using System.Text.RegularExpressions;

namespace Beian.Core.Contacts;

/// <summary>
/// Mainland landline numbers as the manuals ask for them: 区号-号码 or 0086-区号-号码, with an
/// optional -分机号. The area code starts with 0 and has 3 or 4 digits; the number has 7 or 8
/// digits and does not start with 0 or 1. Obviously fake numbers (all one digit) are refused.
/// </summary>
public static partial class Landline
{
    [GeneratedRegex(@"^(?:0086-)?(?<area>0[0-9]{2,3})-(?<number>[2-9][0-9]{6,7})(?:-[0-9]{1,6})?$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return false;
        var match = Pattern().Match(input.Trim());
        return match.Success && !IsAllSameDigit(match.Groups["number"].Value);
    }

    private static bool IsAllSameDigit(string digits) => digits.Distinct().Count() == 1;
}
