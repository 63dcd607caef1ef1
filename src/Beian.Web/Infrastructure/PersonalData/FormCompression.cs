using ZstdSharp;

namespace Beian.Web.Infrastructure.PersonalData;

/// <summary>
/// A form's JSON compressed with zstd against a dictionary of the forms' structure (<c>FormDictionary.v1.json</c>: the
/// field names of a website's and a subject's forms, both natures, in the order the serializer writes them, every value
/// blank). A form of 2 KB is mostly its field names, which a document compressed alone spells out once each: Brotli left
/// 761 bytes of a website's form and 490 of a subject's, the dictionary 419 and 270 (the benchmark's forms). It holds no
/// value of anyone's, only names, so real forms gain as much. The dictionary is part of every stored document from then
/// on: it never changes (a test holds its hash); forms that change much get a version 2 beside it.
/// </summary>
public static class FormCompression
{
    // Level 6 stored a website's form in 416 bytes in 16 µs, level 12 in 419 bytes in 50 µs (Brotli, before: 761 in 34 µs).
    public const int Level = 6;
    private const string Resource = "Beian.Web.PersonalData.FormDictionary.v1.json";
    /// <summary>No form comes near it; a corrupt frame stops here instead of filling memory.</summary>
    private const int MaxDocumentBytes = 16 * 1024 * 1024;

    private static readonly byte[] Dictionary = LoadDictionary();
    // A compressor keeps its state between calls and is not thread-safe: one per thread, loaded once.
    private static readonly ThreadLocal<Compressor> Compressors = new(() => Loaded(new Compressor(Level)));
    private static readonly ThreadLocal<Decompressor> Decompressors = new(() => Loaded(new Decompressor()));

    public static byte[] Compress(ReadOnlySpan<byte> document) => Compressors.Value!.Wrap(document).ToArray();

    public static byte[] Decompress(ReadOnlySpan<byte> compressed) => Decompressors.Value!.Unwrap(compressed, MaxDocumentBytes).ToArray();

    /// <summary>The dictionary's bytes, for the test that keeps it unchanged.</summary>
    public static ReadOnlySpan<byte> DictionaryBytes => Dictionary;

    private static Compressor Loaded(Compressor compressor)
    {
        compressor.LoadDictionary(Dictionary);
        return compressor;
    }

    private static Decompressor Loaded(Decompressor decompressor)
    {
        decompressor.LoadDictionary(Dictionary);
        return decompressor;
    }

    private static byte[] LoadDictionary()
    {
        using var stream = typeof(FormCompression).Assembly.GetManifestResourceStream(Resource)
                           ?? throw new InvalidOperationException($"The resource {Resource} is missing.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
