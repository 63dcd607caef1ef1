namespace Beian.Core.Accounts;

/// <summary>Masks personal data on screens that do not need the whole value.</summary>
public static class Masking
{
    public static string MaskMiddle(string? value, int keepStart = 3, int keepEnd = 4)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (value.Length <= keepStart + keepEnd) return new string('*', value.Length);
        return value[..keepStart] + new string('*', value.Length - keepStart - keepEnd) + value[^keepEnd..];
    }

    /// <summary>z***@example.com</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrEmpty(email)) return string.Empty;
        var at = email.IndexOf('@');
        if (at <= 0) return MaskMiddle(email);
        return email[0] + "***" + email[at..];
    }

    /// <summary>张*、欧阳**: the family name stays, the given name is hidden.</summary>
    public static string MaskPersonName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return string.Empty;
        // Count characters, not UTF-16 units, so that a name with a character outside the BMP
        // (e.g. 𠮷) is neither cut in half nor given an extra asterisk.
        var info = new System.Globalization.StringInfo(name);
        var length = info.LengthInTextElements;
        if (length == 1) return name;
        var familyLength = length >= 4 ? 2 : 1;
        return info.SubstringByTextElements(0, familyLength) + new string('*', length - familyLength);
    }
}
