namespace Beian.Core.Uploads;

/// <summary>What a file was uploaded for: each slot of a form has one purpose and accepts some kinds.</summary>
public enum UploadPurpose
{
    /// <summary>单位证件 (营业执照、组织机构代码证 …) 扫描件.</summary>
    OrganisationLicence,
    /// <summary>负责人证件 正面.</summary>
    IdFront,
    /// <summary>负责人证件 反面.</summary>
    IdBack,
    /// <summary>负责人手持证件照.</summary>
    IdHandheld,
    /// <summary>注销附件.</summary>
    CancellationAttachment,
    /// <summary>危险物品从业资质.</summary>
    DangerousGoodsQualification,
    /// <summary>前置许可 (新闻、出版、教育、医疗 …) 文件.</summary>
    PrePermit,
    /// <summary>域名证书.</summary>
    DomainCertificate,
    /// <summary>Any other supporting document.</summary>
    OtherAttachment,
    /// <summary>APP运行截图.</summary>
    AppScreenshot,
    /// <summary>信息网络安全保护方案 of an interactive APP.</summary>
    SecurityPlan,
    AssessmentReport,
    /// <summary>An APP's Android installation package (.apk), read for its identifiers and signature.</summary>
    AndroidPackage,
    /// <summary>An APP's iOS installation package (.ipa), read for its identifiers.</summary>
    IosPackage,
}

/// <summary>The kinds of content the platform accepts, told apart by their bytes.</summary>
public enum FileKind
{
    Png,
    Jpeg,
    Pdf,
    /// <summary>An Android package, told apart from any other ZIP by reading it.</summary>
    Apk,
    /// <summary>An iOS package, told apart from any other ZIP by reading it.</summary>
    Ipa,
}

/// <summary>
/// The upload rules of SPEC §10 that need no image decoder: which kinds a slot accepts, the size
/// limit, magic bytes, the PDF trailer, no scripts, launch actions, embedded files or HTML in a PDF
/// (<see cref="PdfContentScan"/>), the agreement of extension and content, safe display names. The
/// image decode and re-encode live in the web host (SkiaSharp).
/// </summary>
public static class UploadRules
{
    public const long DefaultMaxBytes = 5 * 1024 * 1024;
    public const int MaxImageSide = 10_000;

    /// <summary>How far from the end of a PDF its <c>%%EOF</c> marker may sit (trailing whitespace, a signature's padding).</summary>
    public const int PdfTrailerWindow = 1024;

    public const string MessageNoFile = "请选择要上传的文件";
    public const string MessageImagesOnly = "仅支持png、jpeg、jpg格式的图片";
    public const string MessagePdfOnly = "仅支持pdf格式的文件";
    public const string MessageImagesOrPdf = "仅支持png、jpeg、jpg格式的图片或pdf格式的文件";
    public const string MessageMismatch = "文件内容与扩展名不符";
    public const string MessageStorageUnavailable = "文件存储暂时不可用，请稍后重试";
    public const string MessageBrokenImage = "图片已损坏或无法识别";
    public const string MessageBrokenPdf = "pdf文件已损坏或无法识别";
    public const string MessagePdfActiveContent = "PDF文件含有脚本、启动动作或嵌入文件，请另存为普通PDF后重新上传";
    public const string MessagePdfHtml = "PDF文件中含有网页代码，请另存为普通PDF后重新上传";
    public const string MessagePdfUnreadable = "PDF文件的内容无法检查（可能已加密），请另存为普通PDF后重新上传";
    public static readonly string MessageImageTooLarge = $"图片尺寸不能超过{MaxImageSide}×{MaxImageSide}像素";

    private static readonly FileKind[] Images = [FileKind.Png, FileKind.Jpeg];
    private static readonly FileKind[] PdfOnly = [FileKind.Pdf];
    private static readonly FileKind[] ImagesOrPdf = [FileKind.Png, FileKind.Jpeg, FileKind.Pdf];
    private static readonly FileKind[] ApkOnly = [FileKind.Apk];
    private static readonly FileKind[] IpaOnly = [FileKind.Ipa];

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] PdfEof = "%%EOF"u8.ToArray();

    /// <summary>The kinds a slot accepts: photos and licence scans are images; 注销附件 and 前置许可 documents are pdf; some take both.</summary>
    public static IReadOnlyList<FileKind> AcceptedKinds(UploadPurpose purpose) => purpose switch
    {
        UploadPurpose.OrganisationLicence or UploadPurpose.IdFront or UploadPurpose.IdBack or UploadPurpose.IdHandheld
            or UploadPurpose.AppScreenshot => Images,
        UploadPurpose.CancellationAttachment or UploadPurpose.PrePermit or UploadPurpose.SecurityPlan or UploadPurpose.AssessmentReport => PdfOnly,
        UploadPurpose.AndroidPackage => ApkOnly,
        UploadPurpose.IosPackage => IpaOnly,
        UploadPurpose.DangerousGoodsQualification or UploadPurpose.DomainCertificate or UploadPurpose.OtherAttachment => ImagesOrPdf,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    public static bool Accepts(UploadPurpose purpose, FileKind kind) => AcceptedKinds(purpose).Contains(kind);

    /// <summary>The message for a file of a kind the slot does not take.</summary>
    public static string WrongKindMessage(UploadPurpose purpose)
    {
        if (IsPackage(purpose)) return $"仅支持{PackageExtension(purpose)}格式的安装包";
        var kinds = AcceptedKinds(purpose);
        return kinds.Contains(FileKind.Pdf)
            ? kinds.Contains(FileKind.Png) ? MessageImagesOrPdf : MessagePdfOnly
            : MessageImagesOnly;
    }

    /// <summary>"支持png/jpeg/jpg格式，文件大小不超过5MB" and its variants, shown under the field.</summary>
    public static string HelpText(UploadPurpose purpose, long maxBytes)
    {
        if (IsPackage(purpose)) return $"支持{PackageExtension(purpose)}格式，文件大小不超过{FormatSize(maxBytes)}";
        var kinds = AcceptedKinds(purpose);
        var formats = kinds.Contains(FileKind.Png)
            ? kinds.Contains(FileKind.Pdf) ? "png/jpeg/jpg/pdf" : "png/jpeg/jpg"
            : "pdf";
        return $"支持{formats}格式，文件大小不超过{FormatSize(maxBytes)}";
    }

    public static string TooLargeMessage(long maxBytes) => $"文件大小不能超过{FormatSize(maxBytes)}";

    /// <summary>5242880 → "5MB", 524288 → "512KB".</summary>
    public static string FormatSize(long bytes)
    {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return $"{bytes / (1024 * 1024)}MB";
        if (bytes >= 1024 * 1024) return $"{bytes / (1024.0 * 1024.0):0.#}MB";
        if (bytes >= 1024) return $"{bytes / 1024}KB";
        return $"{bytes}B";
    }

    /// <summary>The kind a file name claims by its extension (.png, .jpg, .jpeg, .pdf, any case); null for anything else.</summary>
    public static FileKind? KindOfExtension(string? fileName)
    {
        var extension = Path.GetExtension(BaseName(fileName ?? string.Empty)).ToLowerInvariant();
        return extension switch
        {
            ".png" => FileKind.Png,
            ".jpg" or ".jpeg" => FileKind.Jpeg,
            ".pdf" => FileKind.Pdf,
            ".apk" => FileKind.Apk,
            ".ipa" => FileKind.Ipa,
            _ => null,
        };
    }

    /// <summary>The kind the bytes are, by their magic number; null when none of ours.</summary>
    public static FileKind? DetectKind(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PngSignature)) return FileKind.Png;
        if (content.StartsWith(JpegSignature)) return FileKind.Jpeg;
        if (content.StartsWith(PdfSignature)) return FileKind.Pdf;
        return null;
    }

    /// <summary>A PDF has its header and, near the end, the <c>%%EOF</c> marker (a truncated upload lacks it).</summary>
    public static bool LooksLikeCompletePdf(ReadOnlySpan<byte> content)
    {
        if (!content.StartsWith(PdfSignature)) return false;
        var tail = content.Length > PdfTrailerWindow ? content[^PdfTrailerWindow..] : content;
        return tail.LastIndexOf(PdfEof) >= 0;
    }

    public static string ContentTypeOf(FileKind kind) => kind switch
    {
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Pdf => "application/pdf",
        FileKind.Apk => "application/vnd.android.package-archive",
        FileKind.Ipa => "application/octet-stream",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ExtensionOf(FileKind kind) => kind switch
    {
        FileKind.Png => ".png",
        FileKind.Jpeg => ".jpg",
        FileKind.Pdf => ".pdf",
        FileKind.Apk => ".apk",
        FileKind.Ipa => ".ipa",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool IsImage(FileKind kind) => kind is FileKind.Png or FileKind.Jpeg;

    /// <summary>An installation package: streamed and read whole by its own reader, with its own size limit.</summary>
    public static bool IsPackage(UploadPurpose purpose) => purpose is UploadPurpose.AndroidPackage or UploadPurpose.IosPackage;

    private static string PackageExtension(UploadPurpose purpose) => purpose == UploadPurpose.AndroidPackage ? "apk" : "ipa";

    /// <summary>
    /// Every check that needs only the bytes and the claimed name, in the order a person can act on:
    /// a file at all, its size, an extension the slot takes, content that matches the extension, a
    /// complete PDF that holds pages only. Returns the Chinese message, or null when the file may go on to
    /// the image decode.
    /// </summary>
    public static string? Check(UploadPurpose purpose, string? fileName, ReadOnlySpan<byte> content, long maxBytes, out FileKind kind)
    {
        kind = default;
        if (content.IsEmpty) return MessageNoFile;
        if (content.Length > maxBytes) return TooLargeMessage(maxBytes);
        var claimed = KindOfExtension(fileName);
        if (claimed is null || !Accepts(purpose, claimed.Value)) return WrongKindMessage(purpose);
        var detected = DetectKind(content);
        if (detected != claimed) return MessageMismatch;
        kind = detected.Value;
        if (kind == FileKind.Pdf && !LooksLikeCompletePdf(content)) return MessageBrokenPdf;
        return kind == FileKind.Pdf ? PdfContentMessage(PdfContentScan.Scan(content)) : null;
    }

    public static string? PdfContentMessage(PdfContentFinding finding) => finding switch
    {
        PdfContentFinding.Clean => null,
        PdfContentFinding.Html => MessagePdfHtml,
        PdfContentFinding.ActiveContent => MessagePdfActiveContent,
        PdfContentFinding.Unreadable => MessagePdfUnreadable,
        _ => throw new ArgumentOutOfRangeException(nameof(finding), finding, null),
    };

    /// <summary>
    /// The name shown to people: the last path segment only, without control characters or the
    /// characters Windows forbids, at most 100 characters with the extension kept. Never used as
    /// a storage path.
    /// </summary>
    public static string SanitiseName(string? fileName, FileKind kind)
    {
        var name = BaseName(fileName ?? string.Empty);
        var cleaned = new string(name.Where(c => !char.IsControl(c) && !"\\/:*?\"<>|".Contains(c)
            && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.OtherNotAssigned)).ToArray()).Trim().TrimEnd('.').Trim();
        var extension = Path.GetExtension(cleaned);
        if (KindOfExtension(cleaned) != kind) extension = ExtensionOf(kind);
        var stem = cleaned.Length >= extension.Length && cleaned.EndsWith(extension, StringComparison.OrdinalIgnoreCase)
            ? cleaned[..^extension.Length].Trim()
            : cleaned;
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
