using System.IO.Compression;
using System.Text;
using Beian.Core.Uploads;

namespace Beian.Core.Content;

/// <summary>The kinds of file the 下载中心 offers, told apart by their bytes.</summary>
public enum DownloadFileKind
{
    Pdf,
    Doc,
    Docx,
    Xls,
    Xlsx,
    Csv,
    Zip,
}

/// <summary>What a checked file is: its kind and the content type it is served as; or why it was refused.</summary>
public sealed record DownloadFileVerdict(DownloadFileKind Kind, string ContentType, string? Error)
{
    public bool Accepted => Error is null;

    public static DownloadFileVerdict Refuse(string error) => new(default, string.Empty, error);
}

/// <summary>
/// The 下载中心's upload rules: a size limit, an extension of ours, and content that is what the
/// extension says — a PDF with its header and trailer, a Word or Excel compound file (DOC/XLS)
/// holding its main stream, a ZIP whose directory reads (DOCX/XLSX also holding their main part),
/// a CSV that is text. An EXE renamed .pdf is refused, whatever the browser claimed.
/// </summary>
public static class DownloadFileRules
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public const string MessageNoFile = UploadRules.MessageNoFile;
    public const string MessageWrongKind = "仅支持pdf、doc、docx、xls、xlsx、csv、zip格式的文件";
    public const string MessageMismatch = UploadRules.MessageMismatch;
    public const string MessageBrokenPdf = UploadRules.MessageBrokenPdf;
    public const string MessageBrokenArchive = "文件已损坏或无法识别";
    public const string MessageNotText = "csv文件应为纯文本（UTF-8或GBK编码）";

    /// <summary>"pdf、doc、docx …", for the help line under the field.</summary>
    public const string Formats = "pdf、doc、docx、xls、xlsx、csv、zip";

    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipSignature = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] WordStream = Encoding.Unicode.GetBytes("WordDocument\0");
    private static readonly byte[][] ExcelStreams = [Encoding.Unicode.GetBytes("Workbook\0"), Encoding.Unicode.GetBytes("Book\0")];
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DownloadFileKind? KindOfExtension(string? fileName) =>
        Path.GetExtension(BaseName(fileName ?? string.Empty)).ToLowerInvariant() switch
        {
            ".pdf" => DownloadFileKind.Pdf,
            ".doc" => DownloadFileKind.Doc,
            ".docx" => DownloadFileKind.Docx,
            ".xls" => DownloadFileKind.Xls,
            ".xlsx" => DownloadFileKind.Xlsx,
            ".csv" => DownloadFileKind.Csv,
            ".zip" => DownloadFileKind.Zip,
            _ => null,
        };

    public static string ExtensionOf(DownloadFileKind kind) => "." + kind.ToString().ToLowerInvariant();

    /// <summary>"PDF", "DOCX" … as the list shows the format.</summary>
    public static string FormatLabel(DownloadFileKind kind) => kind.ToString().ToUpperInvariant();

    public static string ContentTypeOf(DownloadFileKind kind) => kind switch
    {
        DownloadFileKind.Pdf => "application/pdf",
        DownloadFileKind.Doc => "application/msword",
        DownloadFileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DownloadFileKind.Xls => "application/vnd.ms-excel",
        DownloadFileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        DownloadFileKind.Csv => "text/csv; charset=utf-8",
        DownloadFileKind.Zip => "application/zip",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Every check, in the order a person can act on: a file, its size, its extension, its content.</summary>
    public static DownloadFileVerdict Check(string? fileName, byte[] content, long maxBytes)
    {
        if (content.Length == 0) return DownloadFileVerdict.Refuse(MessageNoFile);
        if (content.Length > maxBytes) return DownloadFileVerdict.Refuse(UploadRules.TooLargeMessage(maxBytes));
        if (KindOfExtension(fileName) is not { } kind) return DownloadFileVerdict.Refuse(MessageWrongKind);
        var error = kind switch
        {
            DownloadFileKind.Pdf => CheckPdf(content),
            DownloadFileKind.Doc => CheckCompoundFile(content, [WordStream]),
            DownloadFileKind.Xls => CheckCompoundFile(content, ExcelStreams),
            DownloadFileKind.Docx => CheckZip(content, "word/document.xml"),
            DownloadFileKind.Xlsx => CheckZip(content, "xl/workbook.xml"),
            DownloadFileKind.Zip => CheckZip(content, mainPart: null),
            DownloadFileKind.Csv => CheckText(content),
            _ => MessageWrongKind,
        };
        if (error is not null) return DownloadFileVerdict.Refuse(error);
        var contentType = kind == DownloadFileKind.Csv && !IsUtf8(content) ? "text/csv; charset=gb18030" : ContentTypeOf(kind);
        return new DownloadFileVerdict(kind, contentType, null);
    }

    private static string? CheckPdf(byte[] content)
    {
        if (UploadRules.DetectKind(content) != FileKind.Pdf) return MessageMismatch;
        return UploadRules.LooksLikeCompletePdf(content) ? null : MessageBrokenPdf;
    }

    /// <summary>An OLE2 compound file whose directory names the Word or Excel stream.</summary>
    private static string? CheckCompoundFile(byte[] content, byte[][] streamNames)
    {
        if (!content.AsSpan().StartsWith(CompoundFileSignature) || content.Length < 1024) return MessageMismatch;
        foreach (var name in streamNames)
        {
            if (content.AsSpan().IndexOf(name) >= 0) return null;
        }
        return MessageMismatch;
    }

    /// <summary>A ZIP whose central directory reads; an Office Open XML file also holds its main part.</summary>
    private static string? CheckZip(byte[] content, string? mainPart)
    {
        var span = content.AsSpan();
        if (!span.StartsWith(ZipSignature) && !span.StartsWith(EmptyZipSignature)) return MessageMismatch;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = archive.Entries.Select(e => e.FullName).ToList();
            if (mainPart is null) return null;
            var isOffice = names.Contains("[Content_Types].xml", StringComparer.OrdinalIgnoreCase)
                           && names.Contains(mainPart, StringComparer.OrdinalIgnoreCase);
            return isOffice ? null : MessageMismatch;
        }
        catch (InvalidDataException)
        {
            return MessageBrokenArchive;
        }
    }

    /// <summary>Text: no NUL or other control characters than tab and line breaks; UTF-8 or else read as GB18030.</summary>
    private static string? CheckText(byte[] content)
    {
        foreach (var b in content)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n')) return MessageNotText;
            if (b == 0x7F) return MessageNotText;
        }
        return null;
    }

    private static bool IsUtf8(byte[] content)
    {
        try
        {
            StrictUtf8.GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// The name shown and offered for saving: the last path segment, without control characters or the
    /// characters Windows forbids, at most 100 characters, ending in the kind's own extension.
    /// </summary>
    public static string SanitiseName(string? fileName, DownloadFileKind kind)
    {
        var cleaned = new string(BaseName(fileName ?? string.Empty)
            .Where(c => !char.IsControl(c) && !"\\/:*?\"<>|".Contains(c)
                && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format
                    or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.OtherNotAssigned))
            .ToArray()).Trim().TrimEnd('.').Trim();
        var extension = ExtensionOf(kind);
        var stem = cleaned.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? cleaned[..^extension.Length].Trim() : cleaned;
        if (stem.Length == 0) stem = "文件";
        const int maxLength = 100;
        if (stem.Length + extension.Length > maxLength) stem = stem[..(maxLength - extension.Length)];
        return stem + extension;
    }

    private static string BaseName(string fileName)
    {
        var slash = fileName.LastIndexOfAny(['/', '\\']);
        return slash >= 0 ? fileName[(slash + 1)..] : fileName;
    }
}
