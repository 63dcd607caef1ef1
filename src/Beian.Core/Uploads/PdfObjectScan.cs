using System.IO.Compression;

namespace Beian.Core.Uploads;

/// <summary>How much inflating one file's object streams may produce; shared by the scans of that file.</summary>
internal sealed class PdfScanBudget(long inflateBytes)
{
    private long _inflateLeft = inflateBytes;

    public bool TryInflate(int bytes) => (_inflateLeft -= bytes) >= 0;
}

internal sealed record PdfName(string? Value);

internal sealed record PdfReference;

/// <summary>
/// Reads the objects of a PDF (<see cref="ScanFile"/>) or of one inflated object stream
/// (<see cref="ScanObjectStream"/>) for the names of <see cref="PdfNames"/>; see <see cref="PdfContentScan"/>.
/// Values are read only as far as deciding about object streams needs (dictionaries, arrays, names,
/// integers, references); work is bounded by nesting depth, bytes read and bytes inflated.
/// </summary>
internal ref struct PdfObjectScan
{
    private const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _data;
    private readonly PdfScanBudget _budget;
    private readonly long _readLimit;
    private long _read;
    private PdfLexer _lexer;
    private int _depth;
    private PdfContentFinding _finding;

    public PdfObjectScan(ReadOnlySpan<byte> data, PdfScanBudget budget)
    {
        _data = data;
        _budget = budget;
        // Objects that overlap (one found inside another's string) are read twice; a file made of them is not read forever.
        _readLimit = 4L * data.Length + 1024 * 1024;
        _lexer = new PdfLexer(data);
    }

    /// <summary>Every object of the file: each <c>obj</c> keyword starts one.</summary>
    public PdfContentFinding ScanFile()
    {
        if (PdfNames.ContainsLongActiveName(_data)) return PdfContentFinding.ActiveContent;
        for (var at = NextObjectStart(0); at >= 0 && _finding == PdfContentFinding.Clean; at = NextObjectStart(at))
            ScanObject(at);
        return _finding;
    }

    /// <summary>An inflated object stream: its content as a run of values, and the object at each offset of its header.</summary>
    public PdfContentFinding ScanObjectStream(long count, long first)
    {
        if (PdfNames.ContainsLongActiveName(_data)) return PdfContentFinding.ActiveContent;
        ReadValuesFrom(0, int.MaxValue);
        foreach (var offset in ObjectOffsets(count))
        {
            if (_finding != PdfContentFinding.Clean) break;
            if (first + offset < _data.Length) ReadValuesFrom((int)(first + offset), 1);
        }
        return _finding;
    }

    /// <summary>The position after the next <c>obj</c> keyword (whitespace before it, none of its letters after it); -1 when none is left.</summary>
    private readonly int NextObjectStart(int from)
    {
        for (var at = from; at < _data.Length;)
        {
            var found = _data[at..].IndexOf("obj"u8);
            if (found < 0) return -1;
            var start = at + found;
            var end = start + 3;
            if (start > 0 && PdfLexer.IsWhitespace(_data[start - 1]) && (end == _data.Length || !PdfLexer.IsRegular(_data[end]))) return end;
            at = end;
        }
        return -1;
    }

    private void ScanObject(int start)
    {
        _lexer = new PdfLexer(_data, start);
        if (_lexer.Next() == PdfToken.End) return;
        var value = ReadValue();
        if (_finding == PdfContentFinding.Clean && _lexer.Next() == PdfToken.Keyword && _lexer.IsKeyword("stream"u8)
            && value is Dictionary<string, object?> dictionary && IsObjectStream(dictionary))
            ScanObjectStreamData(dictionary, _lexer.Position);
        Charge(_lexer.Position - start);
    }

    private void ReadValuesFrom(int start, int count)
    {
        _lexer = new PdfLexer(_data, start);
        for (var i = 0; i < count && _finding == PdfContentFinding.Clean && _lexer.Next() != PdfToken.End; i++) ReadValue();
        Charge(_lexer.Position - start);
    }

    private void Charge(int bytes)
    {
        _read += bytes;
        if (_read > _readLimit) Found(PdfContentFinding.Unreadable);
    }

    private void Found(PdfContentFinding finding)
    {
        if (_finding == PdfContentFinding.Clean) _finding = finding;
    }

    /// <summary>The value that starts at the current token; the lexer is left on its last token.</summary>
    private object? ReadValue() => _lexer.Token switch
    {
        PdfToken.Name => ReadName(),
        PdfToken.Number => ReadNumberOrReference(),
        PdfToken.DictionaryStart => Enter() ? Leave(ReadDictionary()) : null,
        PdfToken.ArrayStart => Enter() ? Leave(ReadArray()) : null,
        _ => null,
    };

    private PdfName ReadName()
    {
        var name = PdfNames.Decode(_lexer.Text);
        if (PdfNames.IsActive(name)) Found(PdfContentFinding.ActiveContent);
        return new PdfName(name);
    }

    private object? ReadNumberOrReference()
    {
        long? number = long.TryParse(_lexer.Text, out var parsed) ? parsed : null;
        var ahead = _lexer;
        if (ahead.Next() == PdfToken.Number && ahead.Next() == PdfToken.Keyword && ahead.IsKeyword("R"u8))
        {
            _lexer = ahead;
            return new PdfReference();
        }
        return number;
    }

    /// <summary>One level deeper into dictionaries and arrays; false (and unreadable) past <see cref="MaxDepth"/>, which no real PDF nears.</summary>
    private bool Enter()
    {
        if (_depth == MaxDepth)
        {
            Found(PdfContentFinding.Unreadable);
            return false;
        }
        _depth++;
        return true;
    }

    private object Leave(object value)
    {
        _depth--;
        return value;
    }

    private Dictionary<string, object?> ReadDictionary()
    {
        var dictionary = new Dictionary<string, object?>();
        while (_finding == PdfContentFinding.Clean && _lexer.Next() is not (PdfToken.End or PdfToken.DictionaryEnd))
        {
            if (ReadValue() is not PdfName { Value: { } key }) continue; // not a key: its names are checked all the same
            if (_lexer.Next() is PdfToken.End or PdfToken.DictionaryEnd) break;
            dictionary[key] = ReadValue();
        }
        return dictionary;
    }

    private List<object?> ReadArray()
    {
        var array = new List<object?>();
        while (_finding == PdfContentFinding.Clean && _lexer.Next() is not (PdfToken.End or PdfToken.ArrayEnd)) array.Add(ReadValue());
        return array;
    }

    /// <summary>/Type /ObjStm, or what a lenient reader takes for one: /N and /First.</summary>
    private static bool IsObjectStream(Dictionary<string, object?> dictionary) =>
        dictionary.GetValueOrDefault("Type") is PdfName { Value: "ObjStm" }
        || (dictionary.ContainsKey("N") && dictionary.ContainsKey("First"));

    private void ScanObjectStreamData(Dictionary<string, object?> dictionary, int afterKeyword)
    {
        var content = Decode(dictionary, StreamData(dictionary, afterKeyword), _budget);
        if (content is null)
        {
            Found(PdfContentFinding.Unreadable);
            return;
        }
        var count = dictionary.GetValueOrDefault("N") as long? ?? 0;
        var first = dictionary.GetValueOrDefault("First") as long? ?? 0;
        Found(new PdfObjectScan(content, _budget).ScanObjectStream(count, first));
    }

    /// <summary>The stream's bytes: by a direct /Length that ends at <c>endstream</c>, otherwise up to the first <c>endstream</c>.</summary>
    private readonly ReadOnlySpan<byte> StreamData(Dictionary<string, object?> dictionary, int afterKeyword)
    {
        var start = afterKeyword;
        if (start < _data.Length && _data[start] == (byte)'\r') start++;
        if (start < _data.Length && _data[start] == (byte)'\n') start++;
        var rest = _data[start..];
        if (dictionary.GetValueOrDefault("Length") is long length && length >= 0 && length <= rest.Length
            && rest[(int)length..].TrimStart(" \t\r\n\f\0"u8).StartsWith("endstream"u8))
            return rest[..(int)length];
        var end = rest.IndexOf("endstream"u8);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>The inflated object stream; null when it uses a filter or predictor the scan does not read, or does not inflate within the budget.</summary>
    private static byte[]? Decode(Dictionary<string, object?> dictionary, ReadOnlySpan<byte> data, PdfScanBudget budget)
    {
        if (HasPredictor(dictionary.GetValueOrDefault("DecodeParms"))) return null;
        return dictionary.GetValueOrDefault("Filter") switch
        {
            null => budget.TryInflate(data.Length) ? data.ToArray() : null,
            PdfName { Value: "FlateDecode" } or List<object?> { Count: 1 } and [PdfName { Value: "FlateDecode" }] => Inflate(data, budget),
            _ => null,
        };
    }

    private static bool HasPredictor(object? parameters) => parameters switch
    {
        Dictionary<string, object?> dictionary => dictionary.GetValueOrDefault("Predictor") is not (null or 1L),
        List<object?> list => list.Any(HasPredictor),
        _ => false,
    };

    private static byte[]? Inflate(ReadOnlySpan<byte> compressed, PdfScanBudget budget)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                if (!budget.TryInflate(read)) return null;
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The offsets of the header's pairs (object number, offset), as many as it holds up to <paramref name="count"/>.</summary>
    private readonly List<long> ObjectOffsets(long count)
    {
        var offsets = new List<long>();
        var header = new PdfLexer(_data);
        while (offsets.Count < count && header.Next() == PdfToken.Number && header.Next() == PdfToken.Number)
        {
            if (long.TryParse(header.Text, out var offset) && offset >= 0) offsets.Add(offset);
        }
        return offsets;
    }
}
