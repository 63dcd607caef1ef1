using System.Security.Cryptography;

namespace Beian.Core.Accounts;

/// <summary>
/// Generates the initial (or reset) password of an account created by an administrator: 12
/// characters from all four classes, drawn with a cryptographic random source, and checked
/// against <see cref="PasswordPolicy"/> like any password a person chooses. Characters that are
/// easy to misread in an SMS (0/O/o, 1/l/I) and punctuation that reads as part of the sentence
/// (，。., ;) are left out.
/// </summary>
public static class PasswordGenerator
{
    public const int Length = 12;

    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Specials = "#@%+=*!?";
    private const string All = Upper + Lower + Digits + Specials;

    public static string Generate(PasswordPolicy policy, string? userName)
    {
        while (true)
        {
            var password = Draw();
            if (policy.Check(password, userName).Count == 0) return password;
        }
    }

    private static string Draw()
    {
        // One of each class first, so every password has all four; then shuffle them in.
        var chars = new char[Length];
        chars[0] = Pick(Upper);
        chars[1] = Pick(Lower);
        chars[2] = Pick(Digits);
        chars[3] = Pick(Specials);
        for (var i = 4; i < Length; i++) chars[i] = Pick(All);
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
