using System.Reflection;

namespace Beian.Core.Accounts;

/// <summary>
/// The platform's password rule (等保 2.0 level 3): at least 8 characters, at least three of the four
/// character classes, not a well-known password and not the username itself.
/// </summary>
public sealed class PasswordPolicy
{
    public const int MinimumLength = 8;
    public const int MinimumCharacterClasses = 3;

    private readonly HashSet<string> _commonPasswords;

    public PasswordPolicy(IEnumerable<string> commonPasswords)
    {
        _commonPasswords = new HashSet<string>(commonPasswords, StringComparer.OrdinalIgnoreCase);
    }

    public static PasswordPolicy Default { get; } = new(LoadCommonPasswords());

    public IReadOnlyList<string> Check(string? password, string? userName = null)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(password))
        {
            problems.Add("请输入密码");
            return problems;
        }
        if (password.Length < MinimumLength)
            problems.Add($"密码长度不能少于{MinimumLength}位");
        if (CountCharacterClasses(password) < MinimumCharacterClasses)
            problems.Add("密码须包含大写字母、小写字母、数字、特殊字符中的至少三类");
        if (_commonPasswords.Contains(password))
            problems.Add("该密码过于常见，容易被猜中，请换一个");
        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
            problems.Add("密码不能包含用户名");
        return problems;
    }

    public static int CountCharacterClasses(string password)
    {
        var classes = 0;
        if (password.Any(char.IsAsciiLetterUpper)) classes++;
        if (password.Any(char.IsAsciiLetterLower)) classes++;
        if (password.Any(char.IsAsciiDigit)) classes++;
        if (password.Any(c => !char.IsAsciiLetterOrDigit(c))) classes++;
        return classes;
    }

    private static IEnumerable<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("Beian.Core.ReferenceData.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#')) lines.Add(line);
        }
        return lines;
    }
}
