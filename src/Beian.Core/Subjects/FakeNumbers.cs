using System.Text.RegularExpressions;
using Beian.Core.Accounts;

namespace Beian.Core.Subjects;

/// <summary>
/// Obviously invented phone numbers (seed 000: 不得出现“010-00000000”等明显不真实的联系方式):
/// one digit repeated, an ascending or descending run, a well-known test number.
/// </summary>
public static partial class FakeNumbers
{
    [GeneratedRegex(@"^(?:(?:0086|\+86)-?)?0\d{2,3}-(?<number>\d{7,8})(?:-\d{1,6})?$")]
    private static partial Regex LandlineShape();

    /// <summary>13800138000, 13988888888 (last eight digits one digit), 13012345678 (a run).</summary>
    public static bool IsFakeMobile(string? input, SubjectKeywords keywords)
    {
        var number = MobileNumber.Normalize(input);
        if (number.Length != 11) return false;
        return keywords.WellKnownTestMobiles.Contains(number) || IsRepeatedOrRun(number[^8..]);
    }

    /// <summary>The subscriber number of a landline is one digit repeated or a run: 010-00000000, 021-12345678.</summary>
    public static bool IsFakeLandline(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return false;
        var match = LandlineShape().Match(input.Trim());
        return match.Success && IsRepeatedOrRun(match.Groups["number"].Value);
    }

    /// <summary>All one digit, or each digit one more (or one less) than the one before.</summary>
    public static bool IsRepeatedOrRun(string digits)
    {
        if (digits.Length < 2 || !digits.All(char.IsAsciiDigit)) return false;
        return HasConstantStep(digits, 0) || HasConstantStep(digits, 1) || HasConstantStep(digits, -1);
    }

    private static bool HasConstantStep(string digits, int step)
    {
        for (var i = 1; i < digits.Length; i++)
        {
            if (digits[i] - digits[i - 1] != step) return false;
        }
        return true;
    }
}
