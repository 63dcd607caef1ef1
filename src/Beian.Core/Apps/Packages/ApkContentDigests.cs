using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// The v2/v3 content digests of an APK, computed once per hash algorithm and only when a signature asks for it.
/// As the APK Signature Scheme v2 documentation describes: the ZIP entries (up to the signing block), the central
/// directory and the EOCD (its central-directory offset replaced by the signing block's offset) are cut into
/// 1 MiB chunks; each chunk is hashed as <c>0xa5 ‖ length (uint32 LE) ‖ chunk</c>, and the result is the hash of
/// <c>0x5a ‖ chunk count (uint32 LE) ‖ the chunk digests</c>. The file is read chunk by chunk, never whole.
/// </summary>
internal sealed class ApkContentDigests(Stream stream, ZipSections zip, long signingBlockOffset)
{
    private const int ChunkSize = 1024 * 1024;
    private readonly Dictionary<HashAlgorithmName, byte[]> computed = [];

    /// <summary>The content digest with <paramref name="algorithm"/> (SHA-256 or SHA-512).</summary>
    public byte[] Get(HashAlgorithmName algorithm)
    {
        if (!computed.TryGetValue(algorithm, out var digest))
        {
            digest = Compute(algorithm);
            computed[algorithm] = digest;
        }
        return digest;
    }

    private byte[] Compute(HashAlgorithmName algorithm)
    {
        using var chunkHash = IncrementalHash.CreateHash(algorithm);
        var buffer = new byte[ChunkSize];
        var chunkDigests = new List<byte[]>();
        foreach (var (source, offset, length) in Sections())
        {
            for (long at = 0; at < length; at += ChunkSize)
            {
                var chunk = buffer.AsSpan(0, (int)Math.Min(ChunkSize, length - at));
                source.Position = offset + at;
                source.ReadExactly(chunk);
                chunkDigests.Add(ChunkDigest(chunkHash, chunk));
            }
        }
        return TopLevelDigest(algorithm, chunkDigests);
    }

    private IEnumerable<(Stream Source, long Offset, long Length)> Sections()
    {
        yield return (stream, 0, signingBlockOffset);
        yield return (stream, zip.CentralDirectoryOffset, zip.CentralDirectorySize);
        var eocd = zip.EndOfCentralDirectory.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(eocd.AsSpan(ZipEnd.CentralDirectoryOffsetField), (uint)signingBlockOffset);
        yield return (new MemoryStream(eocd), 0, eocd.Length);
    }

    private static byte[] ChunkDigest(IncrementalHash hash, ReadOnlySpan<byte> chunk)
    {
        Span<byte> prefix = stackalloc byte[5];
        prefix[0] = 0xa5;
        BinaryPrimitives.WriteUInt32LittleEndian(prefix[1..], (uint)chunk.Length);
        hash.AppendData(prefix);
        hash.AppendData(chunk);
        return hash.GetHashAndReset();
    }

    private static byte[] TopLevelDigest(HashAlgorithmName algorithm, List<byte[]> chunkDigests)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        Span<byte> prefix = stackalloc byte[5];
        prefix[0] = 0x5a;
        BinaryPrimitives.WriteUInt32LittleEndian(prefix[1..], (uint)chunkDigests.Count);
        hash.AppendData(prefix);
        foreach (var digest in chunkDigests) hash.AppendData(digest);
        return hash.GetHashAndReset();
    }
}
