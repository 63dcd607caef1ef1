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
    /// names, so compressing first, against a dictionary of those names (<see cref="FormCompression"/>), stores a fifth of
    /// it. Marked <see cref="DictionaryMark"/> before the base64url.
    /// </summary>
    public string EncryptDocument(string document) =>
        DictionaryMark + WebEncoders.Base64UrlEncode(_protector.Protect(FormCompression.Compress(Encoding.UTF8.GetBytes(document))));

    /// <summary>
    /// A document sealed by <see cref="EncryptDocument"/>, by its Brotli version before the dictionary
    /// (<see cref="CompressedMark"/>), or by <see cref="Encrypt"/> before documents were compressed (a Data Protection
    /// payload begins "CfDJ8", never a mark).
    /// </summary>
    public string DecryptDocument(string ciphertext)
    {
        if (ciphertext.StartsWith(DictionaryMark, StringComparison.Ordinal))
            return Encoding.UTF8.GetString(FormCompression.Decompress(Unprotect(ciphertext, DictionaryMark)));
        if (!ciphertext.StartsWith(CompressedMark, StringComparison.Ordinal)) return Decrypt(ciphertext);
        using var brotli = new BrotliStream(new MemoryStream(Unprotect(ciphertext, CompressedMark)), CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private byte[] Unprotect(string ciphertext, string mark) =>
        _protector.Unprotect(WebEncoders.Base64UrlDecode(ciphertext, mark.Length, ciphertext.Length - mark.Length));

    /// <summary>What begins a document compressed with <see cref="FormCompression"/>'s dictionary, version 1.</summary>
    public const string DictionaryMark = "zd1.";

    /// <summary>What began a document compressed with Brotli alone (stored before the dictionary; still read).</summary>
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
