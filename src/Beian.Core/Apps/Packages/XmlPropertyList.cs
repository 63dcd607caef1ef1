using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// Reads an XML plist (&lt;plist&gt;&lt;dict&gt;&lt;key&gt;…). Every Apple plist carries a DOCTYPE, so DTDs are
/// ignored rather than prohibited: the DOCTYPE is skipped unread, no entity is ever defined or expanded and nothing
/// is fetched (no resolver), which keeps out both external entities and entity expansion bombs.
/// </summary>
internal static class XmlPropertyList
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The value inside &lt;plist&gt;.</summary>
    public static object? Read(byte[] plist)
    {
        using var reader = XmlReader.Create(new MemoryStream(plist), Settings);
        var root = XDocument.Load(reader).Root;
        if (root?.Name != "plist" || root.Elements().FirstOrDefault() is not { } value) throw PropertyList.Malformed();
        return Value(value, 0);
    }

    private static object? Value(XElement element, int depth) => element.Name.LocalName switch
    {
        "dict" => Dictionary(element, depth + 1),
        "array" => Array(element, depth + 1),
        "string" => element.Value,
        "integer" => Integer(element.Value),
        "real" => Real(element.Value),
        "true" => true,
        "false" => false,
        "date" => Date(element.Value),
        "data" => Base64(element.Value),
        _ => throw PropertyList.Malformed(),
    };

    private static long Integer(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw PropertyList.Malformed();

    private static double Real(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw PropertyList.Malformed();

    /// <summary>An ISO 8601 date ("2001-01-01T00:00:00Z") in UTC.</summary>
    private static DateTime Date(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var value) ? value : throw PropertyList.Malformed();

    private static byte[] Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw PropertyList.Malformed();
        }
    }

    private static Dictionary<string, object?> Dictionary(XElement dict, int depth)
    {
        if (depth > PropertyList.MaxDepth) throw PropertyList.Malformed();
        var entries = new Dictionary<string, object?>();
        var children = dict.Elements().ToList();
        if (children.Count % 2 != 0) throw PropertyList.Malformed();
        for (var i = 0; i < children.Count; i += 2)
        {
            if (children[i].Name != "key") throw PropertyList.Malformed();
            entries.TryAdd(children[i].Value, Value(children[i + 1], depth));
        }
        return entries;
    }

    private static List<object?> Array(XElement array, int depth)
    {
        if (depth > PropertyList.MaxDepth) throw PropertyList.Malformed();
        return array.Elements().Select(element => Value(element, depth)).ToList();
    }
}
