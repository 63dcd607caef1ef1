namespace Beian.Core.Apps.Packages;

/// <summary>
/// Reads an Info.plist, binary ("bplist00") or XML, into plain values: <see cref="string"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, <see cref="DateTime"/> (UTC), <see cref="byte"/>[], lists and
/// string-keyed dictionaries. Malformed input throws <see cref="PackageMessages.BadInfoPlist"/>.
/// </summary>
internal static class PropertyList
{
    /// <summary>How deeply arrays and dictionaries may nest (real Info.plists: 4 or 5 levels).</summary>
    public const int MaxDepth = 32;

    private static readonly byte[] BinaryMagic = "bplist00"u8.ToArray();

    /// <summary>The root dictionary of the plist; a plist whose root is no dictionary is malformed.</summary>
    public static IReadOnlyDictionary<string, object?> ReadDictionary(byte[] plist)
    {
        var root = PackageFormatException.Guard(PackageMessages.BadInfoPlist,
            () => plist.AsSpan().StartsWith(BinaryMagic) ? BinaryPropertyList.Read(plist) : XmlPropertyList.Read(plist));
        return root as IReadOnlyDictionary<string, object?> ?? throw Malformed();
    }

    public static PackageFormatException Malformed() => new(PackageMessages.BadInfoPlist);
}
