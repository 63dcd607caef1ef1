namespace Beian.Core.Uploads;

internal enum PdfToken
{
    End,
    Name,
    Number,
    Keyword,
    String,
    DictionaryStart,
    DictionaryEnd,
    ArrayStart,
    ArrayEnd,
    Other,
}

/// <summary>
/// The tokens of PDF syntax (ISO 32000-1 §7.2) over bytes. Literal and hexadecimal strings and
/// comments are skipped whole, as a reader skips them; nothing is allocated.
/// </summary>
internal ref struct PdfLexer
{
    private readonly ReadOnlySpan<byte> _data;
    private int _textStart;
    private int _textEnd;

    public PdfLexer(ReadOnlySpan<byte> data, int position = 0)
    {
        _data = data;
        Position = Math.Clamp(position, 0, data.Length);
    }

    public int Position { get; private set; }

    public PdfToken Token { get; private set; }

    /// <summary>A name's bytes after its slash (still #-escaped), a number's or a keyword's bytes.</summary>
    public readonly ReadOnlySpan<byte> Text => _data[_textStart.._textEnd];

    public readonly bool IsKeyword(ReadOnlySpan<byte> keyword) => Token == PdfToken.Keyword && Text.SequenceEqual(keyword);

    public PdfToken Next()
    {
        SkipWhitespaceAndComments();
        _textStart = _textEnd = Position;
        if (Position >= _data.Length) return Token = PdfToken.End;
        var first = _data[Position++];
        return Token = first switch
        {
            (byte)'/' => Regular(PdfToken.Name, Position),
            (byte)'(' => SkipLiteralString(),
            (byte)'<' => Follows((byte)'<') ? PdfToken.DictionaryStart : SkipHexString(),
            (byte)'>' => Follows((byte)'>') ? PdfToken.DictionaryEnd : PdfToken.Other,
            (byte)'[' => PdfToken.ArrayStart,
            (byte)']' => PdfToken.ArrayEnd,
            (byte)')' or (byte)'{' or (byte)'}' => PdfToken.Other,
            _ => Regular(IsNumberStart(first) ? PdfToken.Number : PdfToken.Keyword, Position - 1),
        };
    }

    public static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    public static bool IsRegular(byte b) => !IsWhitespace(b) && !IsDelimiter(b);

    private static bool IsNumberStart(byte b) => b is >= (byte)'0' and <= (byte)'9' or (byte)'+' or (byte)'-' or (byte)'.';

    private bool Follows(byte expected)
    {
        if (Position >= _data.Length || _data[Position] != expected) return false;
        Position++;
        return true;
    }

    private PdfToken Regular(PdfToken token, int textStart)
    {
        while (Position < _data.Length && IsRegular(_data[Position])) Position++;
        (_textStart, _textEnd) = (textStart, Position);
        return token;
    }

    private void SkipWhitespaceAndComments()
    {
        while (Position < _data.Length)
        {
            var b = _data[Position];
            if (IsWhitespace(b)) Position++;
            else if (b == (byte)'%') SkipToEndOfLine();
            else return;
        }
    }

    private void SkipToEndOfLine()
    {
        var end = _data[Position..].IndexOfAny((byte)'\r', (byte)'\n');
        Position = end < 0 ? _data.Length : Position + end;
    }

    /// <summary>Balanced parentheses nest; a backslash escapes the next byte. An unclosed string runs to the end.</summary>
    private PdfToken SkipLiteralString()
    {
        var depth = 1;
        while (Position < _data.Length && depth > 0)
        {
            var b = _data[Position++];
            if (b == (byte)'\\') Position++;
            else if (b == (byte)'(') depth++;
            else if (b == (byte)')') depth--;
        }
        Position = Math.Min(Position, _data.Length);
        return PdfToken.String;
    }

    private PdfToken SkipHexString()
    {
        var end = _data[Position..].IndexOf((byte)'>');
        Position = end < 0 ? _data.Length : Position + end + 1;
        return PdfToken.String;
    }
}
