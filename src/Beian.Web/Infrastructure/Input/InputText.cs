using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Beian.Web.Infrastructure.Input;

/// <summary>
/// The rules every typed value obeys before anything reads or stores it: no control characters but
/// tab, CR and LF, no half of a surrogate pair, and no more characters than its field declares
/// (<see cref="InputLimitAttribute"/>, <see cref="StringLengthAttribute"/>, <see cref="MaxLengthAttribute"/>)
/// or, when it declares nothing, <see cref="DefaultMaxLength"/>.
/// </summary>
public static class InputText
{
    /// <summary>Above every field that declares no limit of its own (the longest declared one is the content body).</summary>
    public const int DefaultMaxLength = 2000;

    public const string AnyField = "此项";

    /// <summary>The Chinese refusal of <paramref name="value"/> in the field <paramref name="label"/>, or null when it is acceptable.</summary>
    public static string? Refusal(string value, int maxLength, string? label)
    {
        var field = string.IsNullOrWhiteSpace(label) ? AnyField : label;
        if (HasForbiddenCharacter(value)) return $"{field}含有不允许的控制字符或无效字符，请删除后重新填写";
        var length = LengthAsTyped(value);
        return length > maxLength ? $"{field}不能超过{maxLength}个字符（当前{length}个）" : null;
    }

    // A browser sends each line break of a textarea as CR LF but counts it once against maxlength.
    private static int LengthAsTyped(string value)
    {
        var length = value.Length;
        for (var i = value.IndexOf("\r\n", StringComparison.Ordinal); i >= 0; i = value.IndexOf("\r\n", i + 2, StringComparison.Ordinal))
            length--;
        return length;
    }

    public static bool HasForbiddenCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n')) return true;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(c)) return true;
        }
        return false;
    }

    /// <summary>The limit a property or parameter declares, or <see cref="DefaultMaxLength"/>.</summary>
    public static int MaxLengthOf(ICustomAttributeProvider? declaration)
    {
        if (declaration == null) return DefaultMaxLength;
        foreach (var attribute in declaration.GetCustomAttributes(inherit: true))
        {
            switch (attribute)
            {
                case InputLimitAttribute limit: return limit.MaxLength;
                case StringLengthAttribute length: return length.MaximumLength;
                case MaxLengthAttribute length when length.Length > 0: return length.Length;
            }
        }
        return DefaultMaxLength;
    }

    /// <summary>The Chinese name a property or parameter shows beside its input ([Display(Name)]), or null.</summary>
    public static string? LabelOf(ICustomAttributeProvider? declaration) =>
        declaration?.GetCustomAttributes(typeof(DisplayAttribute), inherit: true).OfType<DisplayAttribute>().FirstOrDefault()?.GetName();
}

/// <summary>
/// The most characters a text field takes, as its input's <c>maxlength</c> says. Unlike
/// <see cref="StringLengthAttribute"/> it validates nothing by itself: the input rules
/// (<see cref="RefusedInputFilter"/>, <see cref="InputGraph"/>) read it, so there is one message per field.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class InputLimitAttribute(int maxLength) : Attribute
{
    public int MaxLength => maxLength;
}
