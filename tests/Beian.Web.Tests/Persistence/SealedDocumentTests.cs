using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Websites;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Beian.Web.Tests.Persistence;

/// <summary>Forms at rest are compressed before they are encrypted, and contents sealed before that still open.</summary>
public sealed class SealedDocumentTests
{
    private readonly IDataProtectionProvider _keys = new EphemeralDataProtectionProvider();
    private readonly PersonalDataProtector _protector;

    public SealedDocumentTests() => _protector = new PersonalDataProtector(_keys, new LookupKey(new byte[32]));

    [Fact]
    public void A_document_opens_as_it_was_sealed()
    {
        var json = JsonSerializer.Serialize(FullForm());
        var sealedText = _protector.EncryptDocument(json);
        Assert.StartsWith(PersonalDataProtector.DictionaryMark, sealedText);
        Assert.Equal(json, _protector.DecryptDocument(sealedText));
    }

    [Fact]
    public void A_document_compressed_with_brotli_alone_before_the_dictionary_still_opens()
    {
        var json = JsonSerializer.Serialize(FullForm());
        Assert.Equal(json, _protector.DecryptDocument(BrotliSealed(json)));
    }

    [Fact]
    public void The_dictionary_takes_a_full_form_to_at_most_two_thirds_of_what_brotli_alone_stored()
    {
        var json = JsonSerializer.Serialize(FullForm());
        var brotli = BrotliSealed(json).Length;
        var dictionary = _protector.EncryptDocument(json).Length;
        Assert.True(dictionary * 3 <= brotli * 2, $"{dictionary} characters with the dictionary against {brotli} with Brotli alone");
    }

    [Fact]
    public void The_dictionary_never_changes_for_every_stored_document_needs_it()
    {
        Assert.Equal("2a7278962706605f0f6a4f735c9b2530d1d23c0e29d7664c4c0496390d562f04",
            Convert.ToHexStringLower(SHA256.HashData(FormCompression.DictionaryBytes)));
        // Compressed against version 1 when it was made: opens the same with every later version of the code.
        const string frame = "28B52FFD20990D030004057B30643666336135322D376430622D346238652D396331612D326634653564366337623861E8A5BFE6B996E7BE8EE7919EE789A9E4B89AE7BD91E4B88AE59586E59F8E6D65697275692E636F6D227D7D04100BF73B8026041D11583FF98E2B";
        Assert.Equal("""{"SubjectId":"0d6f3a52-7d0b-4b8e-9c1a-2f4e5d6c7b8a","BasicInfo":{"Name":"西湖美瑞物业网上商城","HasIcpNumber":false,"MainDomain":"meirui.com"}}""",
            Encoding.UTF8.GetString(FormCompression.Decompress(Convert.FromHexString(frame))));
    }

    [Fact]
    public void A_document_sealed_before_compression_still_opens()
    {
        var json = JsonSerializer.Serialize(FullForm());
        Assert.Equal(json, _protector.DecryptDocument(_protector.Encrypt(json)));
    }

    [Fact]
    public void A_full_form_takes_at_most_half_the_room_it_took_uncompressed()
    {
        var json = JsonSerializer.Serialize(FullForm());
        var before = _protector.Encrypt(json).Length;
        var after = _protector.EncryptDocument(json).Length;
        Assert.True(after * 2 <= before, $"{after} characters compressed against {before} before");
    }

    [Fact]
    public void A_tampered_document_is_refused()
    {
        var sealedText = _protector.EncryptDocument("{\"a\":1}");
        var tampered = sealedText[..^2] + (sealedText[^2] == 'A' ? "B" : "A") + sealedText[^1];
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => _protector.DecryptDocument(tampered));
    }

    /// <summary>A document as <see cref="PersonalDataProtector.EncryptDocument"/> sealed it before the dictionary: Brotli, then the key ring.</summary>
    private string BrotliSealed(string json)
    {
        var plain = Encoding.UTF8.GetBytes(json);
        var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(plain.Length)];
        Assert.True(BrotliEncoder.TryCompress(plain, compressed, out var length, quality: 6, window: 22));
        return PersonalDataProtector.CompressedMark
               + WebEncoders.Base64UrlEncode(_keys.CreateProtector("Beian.PersonalData.v1").Protect(compressed[..length]));
    }

    private static WebsiteForm FullForm()
    {
        var person = new ResponsiblePerson
        {
            Name = "王建华", CertificateType = Beian.Core.IdentityNumbers.CertificateType.ResidentIdCard, CertificateNumber = "330106198501010013",
            CertificateValidUntil = new DateOnly(2036, 5, 1), Mobile = "13905710001", Email = "admin@example.com",
        };
        return new WebsiteForm
        {
            SubjectId = Guid.NewGuid(),
            BasicInfo = new WebsiteBasicInfo
            {
                Name = "西湖美瑞物业网上商城", HasIcpNumber = true, IcpNumber = "浙ICP备12345678号-1", OpenedOn = new DateOnly(2026, 1, 1),
                HasDomain = true, MainDomain = "meirui.com", SubDomainsText = "m.meirui.com\nshop.meirui.com", IpsText = "47.96.1.1",
                AccessMethod = "云服务器", ProvidesInteractiveServices = false,
            },
            People = new BusinessPeople { Principal = person, SecurityOfficer = person, EmergencyContact = person },
            Consent = true,
        };
    }
}
