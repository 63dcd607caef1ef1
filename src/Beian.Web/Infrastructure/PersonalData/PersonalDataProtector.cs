using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

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
