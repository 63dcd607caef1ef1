namespace Beian.Core.IdentityNumbers;

/// <summary>
/// The outcome of checking one certificate number: valid with its normalised spelling
/// (upper case, no spaces or hyphens …) or invalid with a Chinese message for the form.
/// </summary>
public sealed record CertificateCheck(bool IsValid, string Normalized, string? Message)
{
    public static CertificateCheck Ok(string normalized) => new(true, normalized, null);

    public static CertificateCheck Fail(string normalized, string message) => new(false, normalized, message);

    internal const string EmptyMessage = "请填写证件号码";
}
