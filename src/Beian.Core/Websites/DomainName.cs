using System.Globalization;
using System.Text.RegularExpressions;

namespace Beian.Core.Websites;

/// <summary>
/// A fully qualified domain name as typed on the form (主域名, 从域名): lower-case ASCII
/// (punycode for IDN labels), no trailing dot. <see cref="Unicode"/> is the display form
/// ("xn--fsqu00a.xn--fiqs8s" ↔ "例子.中国").
/// </summary>
public sealed partial record DomainName
{
    public const int MaxLength = 253;
    public const int MaxLabelLength = 63;
    public const string NotADomainMessage = "请填写域名，不要包含 http:// 或路径";

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };
    private static readonly char[] UrlCharacters = ['/', ':', '?', '#', '@', '\\'];

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex LabelShape();

    [GeneratedRegex("^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")]
    private static partial Regex TopLevelShape();

    private DomainName(string ascii, string unicode)
    {
        Ascii = ascii;
        Unicode = unicode;
        Labels = ascii.Split('.');
    }

    /// <summary>Lower-case ASCII, IDN labels in punycode: what is stored and compared.</summary>
    public string Ascii { get; }

    /// <summary>The display form, IDN labels in Unicode.</summary>
    public string Unicode { get; }

    public IReadOnlyList<string> Labels { get; }

    public string TopLevel => Labels[^1];

    /// <summary>The main domain this one belongs to: www.a.example.com.cn → example.com.cn.</summary>
    public DomainName RegistrableDomain => RegistrableIn(PublicSuffixes.Default);

    /// <summary>Without a leading "www." (www.example.com → example.com); otherwise itself.</summary>
    public DomainName WithoutWww =>
        Labels.Count > 2 && Labels[0] == "www" ? FromAscii(string.Join('.', Labels.Skip(1))) : this;

    public bool IsRegistrable => Equals(RegistrableDomain);

    public static bool TryParse(string? input, out DomainName domain, out string error)
    {
        domain = null!;
        error = Validate(input, out var ascii) ?? string.Empty;
        if (error.Length > 0) return false;
        domain = FromAscii(ascii);
        if (PublicSuffixes.Default.Contains(domain.Ascii))
        {
            error = $"“{domain.Unicode}”是公共后缀，请填写完整的域名（如：baidu.com）";
            domain = null!;
            return false;
        }
        return true;
    }

    public static bool TryParse(string? input, out DomainName domain) => TryParse(input, out domain, out _);

    public static DomainName Parse(string input) =>
        TryParse(input, out var domain, out var error) ? domain : throw new FormatException(error);

    public DomainName RegistrableIn(PublicSuffixes suffixes)
    {
        var keep = Math.Min(Labels.Count, suffixes.SuffixLabelCount(Labels) + 1);
        return keep == Labels.Count ? this : FromAscii(string.Join('.', Labels.Skip(Labels.Count - keep)));
    }

    /// <summary>True for a strict subdomain: a.example.com of example.com, not example.com itself.</summary>
    public bool IsSubdomainOf(DomainName parent) =>
        Ascii.Length > parent.Ascii.Length && Ascii.EndsWith("." + parent.Ascii, StringComparison.Ordinal);

    /// <summary>The same site: equal once a leading "www." is ignored (www.example.com ≡ example.com).</summary>
    public bool IsSameSiteAs(DomainName other) => WithoutWww.Ascii == other.WithoutWww.Ascii;

    public bool Equals(DomainName? other) => other is not null && other.Ascii == Ascii;

    public override int GetHashCode() => Ascii.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Ascii;

    private static DomainName FromAscii(string ascii) => new(ascii, ToUnicode(ascii));

    private static string ToUnicode(string ascii)
    {
        try
        {
            return Idn.GetUnicode(ascii);
        }
        catch (ArgumentException)
        {
            return ascii;
        }
    }

    /// <summary>The error message, or null with the ASCII form in <paramref name="ascii"/>.</summary>
    private static string? Validate(string? input, out string ascii)
    {
        ascii = string.Empty;
        if (string.IsNullOrWhiteSpace(input)) return "请填写域名";
        var text = input.Trim().Normalize(System.Text.NormalizationForm.FormKC).Replace('。', '.').ToLowerInvariant();
        if (text.IndexOfAny(UrlCharacters) >= 0) return NotADomainMessage;
        if (text.Any(char.IsWhiteSpace)) return "域名中不能含有空格";
        text = text.TrimEnd('.');
        if (text.Length == 0) return "请填写域名";
        try
        {
            ascii = Idn.GetAscii(text);
        }
        catch (ArgumentException)
        {
            return text.Length > MaxLength
                ? $"域名总长度不能超过{MaxLength}个字符"
                : "域名格式不正确：每一段只能由字母、数字和连字符组成，且不能以连字符开头或结尾";
        }
        return ValidateAscii(ascii);
    }

    private static string? ValidateAscii(string ascii)
    {
        if (ascii.Length > MaxLength) return $"域名总长度不能超过{MaxLength}个字符";
        var labels = ascii.Split('.');
        if (labels.Length < 2) return "域名应至少包含两段，如：baidu.com";
        foreach (var label in labels)
        {
            if (label.Length is 0 or > MaxLabelLength) return $"域名每一段的长度应为1至{MaxLabelLength}个字符";
            if (!LabelShape().IsMatch(label)) return "域名格式不正确：每一段只能由字母、数字和连字符组成，且不能以连字符开头或结尾";
        }
        return TopLevelShape().IsMatch(labels[^1]) ? null : "域名后缀不正确，顶级域名应由字母组成（如 .com、.cn、.中国）";
    }
}
