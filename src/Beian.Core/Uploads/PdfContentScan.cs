using System.Text;

namespace Beian.Core.Uploads;

/// <summary>What <see cref="PdfContentScan"/> found in a PDF.</summary>
public enum PdfContentFinding
{
    /// <summary>Pages only, as far as the scan can tell.</summary>
    Clean,
    /// <summary>An HTML page among its bytes (a browser sniffing the file could run it).</summary>
    Html,
    /// <summary>JavaScript, a launch action or an embedded file.</summary>
    ActiveContent,
    /// <summary>An object stream the scan cannot read (another filter, a predictor, encryption, damage, too large), or syntax nested too deep.</summary>
    Unreadable,
}

/// <summary>
/// Finds what makes an uploaded PDF more than pages (issue 16), without a PDF library:
/// <list type="bullet">
/// <item>HTML: a tag that starts an HTML page (<c>&lt;html</c>, <c>&lt;!doctype html</c>, <c>&lt;head</c>,
/// <c>&lt;body</c>, <c>&lt;script</c>, <c>&lt;iframe</c>) anywhere in the raw bytes. Only raw bytes matter
/// here: a browser sniffing the file never inflates a stream.</item>
/// <item>Active content: the names /JavaScript, /Launch, /EmbeddedFile(s) and /FileAttachment anywhere in the
/// raw bytes, strings and stream data included (long enough never to occur by chance); and every name, /JS and
/// /EF included, in the syntax of each object. Names are compared as a reader decodes them (#xx escapes).</item>
/// </list>
/// Objects are found the way a reader repairing a file finds them: every <c>obj</c> keyword starts one, wherever
/// it stands, so an object that a cross-reference table points into the middle of a string or of another stream
/// is read all the same. Object streams (/Type /ObjStm, PDF 1.5's compressed objects) are inflated
/// (FlateDecode or none; at most <see cref="InflateBudget"/> bytes per file) and their objects read the same way,
/// linearly and at each offset their header gives. Other streams (pages, images, fonts) hold no objects and are not
/// inflated. An object stream that cannot be read makes the whole file <see cref="PdfContentFinding.Unreadable"/>:
/// refused rather than passed unchecked (an encrypted PDF with object streams is one).
/// </summary>
public static class PdfContentScan
{
    /// <summary>The most that the object streams of one file may inflate to.</summary>
    public const int InflateBudget = 32 * 1024 * 1024;

    private static readonly byte[][] HtmlTags = ["html"u8.ToArray(), "head"u8.ToArray(), "body"u8.ToArray(),
        "script"u8.ToArray(), "iframe"u8.ToArray()];
    private static readonly byte[] Doctype = "!doctype html"u8.ToArray();

    public static PdfContentFinding Scan(ReadOnlySpan<byte> pdf)
    {
        if (ContainsHtml(pdf)) return PdfContentFinding.Html;
        return new PdfObjectScan(pdf, new PdfScanBudget(InflateBudget)).ScanFile();
    }

    public static bool ContainsHtml(ReadOnlySpan<byte> data)
    {
        var at = 0;
        while (true)
        {
            var bracket = data[at..].IndexOf((byte)'<');
            if (bracket < 0) return false;
            at += bracket + 1;
            if (StartsHtmlTag(data[at..])) return true;
        }
    }

    private static bool StartsHtmlTag(ReadOnlySpan<byte> text)
    {
        if (text.Length >= Doctype.Length && Ascii.EqualsIgnoreCase(text[..Doctype.Length], Doctype)) return true;
        foreach (var tag in HtmlTags)
        {
            if (text.Length < tag.Length || !Ascii.EqualsIgnoreCase(text[..tag.Length], tag)) continue;
            if (text.Length == tag.Length || text[tag.Length] is (byte)'>' or (byte)'/' || PdfLexer.IsWhitespace(text[tag.Length])) return true;
        }
        return false;
    }
}
