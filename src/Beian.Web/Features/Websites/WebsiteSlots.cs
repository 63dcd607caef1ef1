namespace Beian.Web.Features.Websites;

/// <summary>The website's own upload slot; the shared ones are in <see cref="Filing.FormSlots"/>.</summary>
public static class WebsiteSlots
{
    public const string DomainCertificate = "DomainCertificate";
}
