using System.Runtime.InteropServices;
using Beian.Core.Uploads;
using SkiaSharp;

namespace Beian.Web.Features.Uploads;

/// <summary>
/// The image half of the content check: the bytes must decode, completely, as the kind their
/// magic number says, within <see cref="UploadRules.MaxImageSide"/> pixels a side. JPEG decodes a
/// few rows at a time, so a 10000×10000 picture costs kilobytes. Skia has no row-by-row PNG
/// decoding, so a PNG decodes whole (2 bytes a pixel when opaque): up to 200 MB for the largest
/// allowed picture, hence one whole decode at a time per node.
/// </summary>
public static class ImageContentCheck
{
    private const int RowsPerStep = 16;
    private static readonly SemaphoreSlim WholeDecodes = new(1, 1);

    /// <summary>Null when the image is whole; otherwise the Chinese message.</summary>
    public static string? Check(byte[] content, FileKind kind)
    {
        if (!UploadRules.IsImage(kind)) throw new ArgumentOutOfRangeException(nameof(kind));
        try
        {
            using var data = SKData.CreateCopy(content);
            using var codec = SKCodec.Create(data);
            if (codec is null) return UploadRules.MessageBrokenImage;
            var expected = kind == FileKind.Png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
            if (codec.EncodedFormat != expected) return UploadRules.MessageBrokenImage;
            var (width, height) = (codec.Info.Width, codec.Info.Height);
            if (width <= 0 || height <= 0) return UploadRules.MessageBrokenImage;
            if (width > UploadRules.MaxImageSide || height > UploadRules.MaxImageSide) return UploadRules.MessageImageTooLarge;

            var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
            return codec.StartScanlineDecode(info) switch
            {
                SKCodecResult.Success => DecodeRows(codec, info),
                SKCodecResult.Unimplemented => DecodeWhole(codec, info), // e.g. an interlaced PNG
                _ => UploadRules.MessageBrokenImage,
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return UploadRules.MessageBrokenImage;
        }
    }

    private static string? DecodeRows(SKCodec codec, SKImageInfo info)
    {
        var buffer = new byte[info.RowBytes * RowsPerStep];
        var handle = GCHandle.Alloc(buffer, GCHandleType.Pinned);
        try
        {
            for (var row = 0; row < info.Height; row += RowsPerStep)
            {
                var wanted = Math.Min(RowsPerStep, info.Height - row);
                var decoded = codec.GetScanlines(handle.AddrOfPinnedObject(), wanted, info.RowBytes);
                if (decoded != wanted) return UploadRules.MessageBrokenImage; // truncated or corrupt data
            }
            return null;
        }
        finally
        {
            handle.Free();
        }
    }

    private static string? DecodeWhole(SKCodec codec, SKImageInfo info)
    {
        if (codec.Info.AlphaType == SKAlphaType.Opaque)
            info = info.WithColorType(SKColorType.Rgb565).WithAlphaType(SKAlphaType.Opaque);
        WholeDecodes.Wait();
        try
        {
            using var bitmap = new SKBitmap();
            if (!bitmap.TryAllocPixels(info)) return UploadRules.MessageImageTooLarge;
            var result = codec.GetPixels(info, bitmap.GetPixels());
            if (result == SKCodecResult.InvalidConversion && info.ColorType != SKColorType.Rgba8888)
                return DecodeWholeAs(codec, new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
            return result == SKCodecResult.Success ? null : UploadRules.MessageBrokenImage;
        }
        finally
        {
            WholeDecodes.Release();
        }
    }

    private static string? DecodeWholeAs(SKCodec codec, SKImageInfo info)
    {
        using var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info)) return UploadRules.MessageImageTooLarge;
        return codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success ? null : UploadRules.MessageBrokenImage;
    }
}
