namespace Beian.Core.IdentityNumbers;

/// <summary>
/// 组织机构代码 (GB 11714-1997): 8 body characters (digits or upper-case letters) and one check
/// character (MOD 11: 0–9 or X), written "70946113-0" or "709461130"; normalised without
/// the hyphen. Characters 9–17 of a 统一社会信用代码 are such a code.
/// </summary>
public static class OrganizationCode
{
    private static readonly int[] Weights = [3, 7, 9, 10, 5, 8, 4, 2];

    public const string FormatMessage = "组织机构代码应为8位数字或大写字母加1位校验码（如12345678-9）";
    public const string CheckCharacterMessage = "组织机构代码校验位不正确";

    public static CertificateCheck Check(string? input)
    {
        var cleaned = NumberText.Clean(input);
        if (cleaned.Length == 0) return CertificateCheck.Fail(cleaned, CertificateCheck.EmptyMessage);
        if (!HasValidHyphen(cleaned)) return CertificateCheck.Fail(cleaned, FormatMessage);
        var code = cleaned.Replace("-", string.Empty);
        if (!HasValidShape(code)) return CertificateCheck.Fail(code, FormatMessage);
        if (CheckCharacter(code[..8]) != code[8]) return CertificateCheck.Fail(code, CheckCharacterMessage);
        return CertificateCheck.Ok(code);
    }

    /// <summary>The check character (0–9 or X) for an 8-character body.</summary>
    public static char CheckCharacter(string body)
    {
        if (body.Length != 8 || !NumberText.AllDigitsOrUpperLetters(body))
        {
            throw new ArgumentException("Expected 8 digits or upper-case letters.", nameof(body));
        }
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += ValueOf(body[i]) * Weights[i];
        }
        var check = 11 - sum % 11;
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }

    /// <summary>Digits are their value, letters A=10 … Z=35.</summary>
    private static int ValueOf(char c) => char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;

    /// <summary>No hyphen, or exactly one before the check character.</summary>
    private static bool HasValidHyphen(string text) =>
        !text.Contains('-') || (text.Length == 10 && text.IndexOf('-') == 8 && text.Count(c => c == '-') == 1);

    private static bool HasValidShape(string code) =>
        code.Length == 9
        && NumberText.AllDigitsOrUpperLetters(code[..8])
        && (char.IsAsciiDigit(code[8]) || code[8] == 'X');
}
