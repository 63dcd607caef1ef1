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
        "integer" => long.TryParse(element.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) ? integer : throw PropertyList.Malformed(),
        "real" => double.TryParse(element.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? real : throw PropertyList.Malformed(),
        "true" => true,
        "false" => false,
        "date" => DateTime.TryParse(element.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date) ? date : throw PropertyList.Malformed(),
        "data" => Base64(element.Value),
        _ => throw PropertyList.Malformed(),
    };

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
