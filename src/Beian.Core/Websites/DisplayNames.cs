namespace Beian.Core.Websites;

/// <summary>An enum's Chinese display names in the form's order, and the way back.</summary>
internal sealed class DisplayNames<TEnum>(IReadOnlyList<(TEnum Value, string Name)> names)
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _byValue = names.ToDictionary(pair => pair.Value, pair => pair.Name);

    public IReadOnlyList<TEnum> All { get; } = names.Select(pair => pair.Value).ToList();

    public string Of(TEnum value) => _byValue[value];

    public TEnum? Parse(string? displayName)
    {
        var text = displayName?.Trim();
        foreach (var (value, name) in names)
        {
            if (name == text) return value;
        }
        return null;
    }
}
