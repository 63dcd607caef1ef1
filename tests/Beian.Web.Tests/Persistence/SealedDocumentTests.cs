using System.Text.Json;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Websites;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.AspNetCore.DataProtection;

namespace Beian.Web.Tests.Persistence;

/// <summary>Forms at rest are compressed before they are encrypted, and contents sealed before that still open.</summary>
public sealed class SealedDocumentTests
{
    private readonly PersonalDataProtector _protector = new(new EphemeralDataProtectionProvider(), new LookupKey(new byte[32]));

    [Fact]
    public void A_document_opens_as_it_was_sealed()
    {
        var json = JsonSerializer.Serialize(FullForm());
        var sealedText = _protector.EncryptDocument(json);
        Assert.StartsWith(PersonalDataProtector.CompressedMark, sealedText);
        Assert.Equal(json, _protector.DecryptDocument(sealedText));
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
