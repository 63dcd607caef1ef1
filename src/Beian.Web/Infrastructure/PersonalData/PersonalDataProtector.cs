using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Beian.Web.Infrastructure.PersonalData;

/// <summary>
/// Encrypts personal data (ID numbers, phone numbers) at rest and computes the keyed hash that is
/// stored beside each encrypted value so that records can be found by it without decrypting.
/// Encryption uses the Data Protection key ring (shared by all nodes through the database);
/// the hash key comes from <c>PersonalData:LookupKey</c> or, when unset, a random key generated
/// once and kept encrypted in the database (<see cref="PlatformSecret"/>).
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Purpose = "Beian.PersonalData.v1";
    private readonly IDataProtector _protector;
    private readonly byte[] _lookupKey;

    public PersonalDataProtector(IDataProtectionProvider provider, LookupKey lookupKey)
    {
        _protector = provider.CreateProtector(Purpose);
        _lookupKey = lookupKey.Bytes;
    }

    public string Encrypt(string plaintext) => _protector.Protect(plaintext);

    public string Decrypt(string ciphertext) => _protector.Unprotect(ciphertext);

    /// <summary>
    /// A document (a form's JSON) compressed, then encrypted: ciphertext does not compress, and a form repeats its field
    /// names, so compressing first stores a third or less. Marked <see cref="CompressedMark"/> before the base64url.
    /// </summary>
    public string EncryptDocument(string document)
    {
        var plain = Encoding.UTF8.GetBytes(document);
        var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(plain.Length)];
        if (!BrotliEncoder.TryCompress(plain, compressed, out var length, quality: 6, window: 22))
            throw new InvalidOperationException("Brotli could not compress the document.");
        return CompressedMark + WebEncoders.Base64UrlEncode(_protector.Protect(compressed[..length]));
    }

    /// <summary>
    /// A document sealed by <see cref="EncryptDocument"/>, or by <see cref="Encrypt"/> before documents were compressed
    /// (a Data Protection payload begins "CfDJ8", never the mark).
    /// </summary>
    public string DecryptDocument(string ciphertext)
    {
        if (!ciphertext.StartsWith(CompressedMark, StringComparison.Ordinal)) return Decrypt(ciphertext);
        var compressed = _protector.Unprotect(WebEncoders.Base64UrlDecode(ciphertext, CompressedMark.Length, ciphertext.Length - CompressedMark.Length));
        using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>What begins a compressed document's ciphertext.</summary>
    public const string CompressedMark = "br.";

    /// <summary>HMAC-SHA256 of the normalised value, hex encoded (64 characters).</summary>
    public string Hash(string value)
    {
        var normalized = value.Trim().ToUpperInvariant();
        var mac = HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(normalized));
        return Convert.ToHexStringLower(mac);
    }
}

/// <summary>The secret key of the look-up hashes, resolved once at start-up.</summary>
public sealed record LookupKey(byte[] Bytes);
