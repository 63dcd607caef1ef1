using System.Globalization;

namespace Beian.Core.Apps.Packages;

/// <summary>What the platform reads from AndroidManifest.xml.</summary>
internal sealed record ManifestFacts(string PackageName, string? VersionName, long VersionCode, int? MinSdkVersion);

/// <summary>
/// Reads a compiled AndroidManifest.xml (Android binary XML, "AXML"): the <c>package</c>, android:versionCode
/// (and versionCodeMajor) and android:versionName of the root &lt;manifest&gt;, and android:minSdkVersion of its
/// first &lt;uses-sdk&gt; child. android: attributes are matched by resource id through the resource map, and by
/// name in the android namespace when an attribute has no id. Only the string pool, the resource map and the
/// element chunks are looked at; every offset is checked, and all work is bounded by the size of the data.
/// </summary>
internal sealed class AndroidManifestReader
{
    public const uint VersionCodeId = 0x0101021b;
    public const uint VersionNameId = 0x0101021c;
    public const uint MinSdkVersionId = 0x0101020c;
    public const uint VersionCodeMajorId = 0x01010576;
    public const string AndroidNamespace = "http://schemas.android.com/apk/res/android";
    private const int AttributeSize = 20;

    private readonly BoundedBytes bytes;
    private readonly Dictionary<string, AxmlAttribute> manifestAttributes = [];
    private AxmlStringPool? strings;
    private AxmlChunk? resourceMap;
    private int depth;
    private bool sawRoot;
    private AxmlAttribute? minSdkVersion;

    private AndroidManifestReader(byte[] manifest) => bytes = new BoundedBytes(manifest, PackageMessages.BadAndroidManifest);

    /// <summary>The facts of the manifest; throws <see cref="PackageMessages.BadAndroidManifest"/> if it is malformed or has no package.</summary>
    public static ManifestFacts Read(byte[] manifest) => new AndroidManifestReader(manifest).Read();

    private ManifestFacts Read()
    {
        var document = AxmlChunk.Read(bytes, 0, bytes.Length);
        if (document.Type != AxmlChunk.Xml) throw bytes.Malformed();
        for (var at = document.Body; at < document.End;)
        {
            var chunk = AxmlChunk.Read(bytes, at, document.End);
            Visit(chunk);
            at = chunk.End;
        }
        return Facts();
    }

    private void Visit(AxmlChunk chunk)
    {
        switch (chunk.Type)
        {
            case AxmlChunk.StringPool:
                strings ??= AxmlStringPool.Read(bytes, chunk);
                break;
            case AxmlChunk.ResourceMap:
                resourceMap ??= chunk;
                break;
            case AxmlChunk.StartElement:
                depth++;
                StartElement(chunk);
                break;
            case AxmlChunk.EndElement:
                depth--;
                break;
        }
    }

    /// <summary>Looks at the root element and at the root's first uses-sdk; deeper elements are not even decoded.</summary>
    private void StartElement(AxmlChunk chunk)
    {
        if (depth == 1 && !sawRoot)
        {
            sawRoot = true;
            if (!Strings.Is(ElementName(chunk), "manifest")) throw bytes.Malformed();
            foreach (var attribute in Attributes(chunk))
            {
                if (Identify(attribute) is { } fact) manifestAttributes.TryAdd(fact, attribute);
            }
        }
        else if (depth == 2 && sawRoot && minSdkVersion is null && Strings.Is(ElementName(chunk), "uses-sdk"))
        {
            minSdkVersion = Attributes(chunk).FirstOrDefault(a => IsAndroid(a, MinSdkVersionId, "minSdkVersion")) ?? AxmlAttribute.Absent;
        }
    }

    private ManifestFacts Facts()
    {
        var packageName = manifestAttributes.GetValueOrDefault("package") is { } package ? StringValue(package) : null;
        if (string.IsNullOrEmpty(packageName)) throw bytes.Malformed();
        return new ManifestFacts(
            packageName,
            manifestAttributes.GetValueOrDefault("versionName") is { } name ? StringValue(name) : null,
            VersionCode(),
            minSdkVersion is { } sdk ? (int?)IntegerValue(sdk) : null);
    }

    /// <summary>Android's long version code: versionCodeMajor in the upper 32 bits, versionCode in the lower.</summary>
    private long VersionCode()
    {
        var code = manifestAttributes.GetValueOrDefault("versionCode") is { } c ? IntegerValue(c) ?? 0 : 0;
        var major = manifestAttributes.GetValueOrDefault("versionCodeMajor") is { } m ? IntegerValue(m) ?? 0 : 0;
        return major << 32 | (uint)code;
    }

    /// <summary>Which manifest fact an attribute of &lt;manifest&gt; is, null for none of them.</summary>
    private string? Identify(AxmlAttribute attribute) =>
        attribute.Namespace == AxmlStringPool.None && Strings.Is(attribute.Name, "package") ? "package"
        : IsAndroid(attribute, VersionCodeId, "versionCode") ? "versionCode"
        : IsAndroid(attribute, VersionNameId, "versionName") ? "versionName"
        : IsAndroid(attribute, VersionCodeMajorId, "versionCodeMajor") ? "versionCodeMajor"
        : null;

    private bool IsAndroid(AxmlAttribute attribute, uint resourceId, string name)
    {
        var id = ResourceId(attribute.Name);
        return id != 0
            ? id == resourceId
            : Strings.Is(attribute.Namespace, AndroidNamespace) && Strings.Is(attribute.Name, name);
    }

    /// <summary>The resource id the resource map gives a string (the attribute names come first in the pool); 0 for none.</summary>
    private uint ResourceId(uint nameIndex)
    {
        if (resourceMap is not { } map || nameIndex >= (map.Size - map.HeaderSize) / 4) return 0;
        return bytes.UInt32LittleEndian(map.Body + nameIndex * 4L);
    }

    /// <summary>A string value, or the raw text of a typed one; null for a resource reference.</summary>
    private string? StringValue(AxmlAttribute attribute) =>
        attribute.DataType == AxmlAttribute.StringType ? Strings.Get(attribute.Data)
        : attribute.RawValue != AxmlStringPool.None ? Strings.Get(attribute.RawValue)
        : attribute.IsInteger ? ((int)attribute.Data).ToString(CultureInfo.InvariantCulture)
        : null;

    /// <summary>An integer value, typed or written as decimal text; null otherwise (a reference, a preview code name).</summary>
    private long? IntegerValue(AxmlAttribute attribute) =>
        attribute.IsInteger ? (int)attribute.Data
        : StringValue(attribute) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : null;

    private AxmlStringPool Strings => strings ?? throw bytes.Malformed();

    /// <summary>The start-element body: namespace, name (uint32 each), then attributeStart, attributeSize, attributeCount (uint16 each).</summary>
    private uint ElementName(AxmlChunk chunk) => bytes.UInt32LittleEndian(chunk.Body + 4);

    private IEnumerable<AxmlAttribute> Attributes(AxmlChunk chunk)
    {
        var start = chunk.Body + bytes.UInt16LittleEndian(chunk.Body + 8);
        var size = bytes.UInt16LittleEndian(chunk.Body + 10);
        var count = bytes.UInt16LittleEndian(chunk.Body + 12);
        if (size < AttributeSize || start + (long)size * count > chunk.End) throw bytes.Malformed();
        for (var i = 0; i < count; i++) yield return AxmlAttribute.Read(bytes, start + (long)size * i);
    }
}

/// <summary>
/// An attribute of a start-element chunk: namespace, name and raw value (string indexes), then a typed value
/// (size uint16, res0 uint8, data type uint8, data uint32).
/// </summary>
internal sealed record AxmlAttribute(uint Namespace, uint Name, uint RawValue, byte DataType, uint Data)
{
    public const byte StringType = 0x03;
    private const byte FirstIntegerType = 0x10;
    private const byte LastIntegerType = 0x1f;

    /// <summary>Stands for an element without the attribute looked for (no reference type, no raw value).</summary>
    public static readonly AxmlAttribute Absent = new(AxmlStringPool.None, AxmlStringPool.None, AxmlStringPool.None, 0, 0);

    public bool IsInteger => DataType is >= FirstIntegerType and <= LastIntegerType;

    public static AxmlAttribute Read(BoundedBytes bytes, long at) => new(
        bytes.UInt32LittleEndian(at), bytes.UInt32LittleEndian(at + 4), bytes.UInt32LittleEndian(at + 8),
        bytes.Byte(at + 15), bytes.UInt32LittleEndian(at + 16));
}
