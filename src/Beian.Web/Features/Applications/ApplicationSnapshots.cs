using System.Text.Json;
using Beian.Web.Infrastructure.PersonalData;

namespace Beian.Web.Features.Applications;

/// <summary>Snapshots hold personal data: they are stored as encrypted JSON.</summary>
public sealed class ApplicationSnapshots(PersonalDataProtector protector)
{
    /// <summary>The form as its run-time type, so a form passed by its interface keeps every field.</summary>
    public string Seal<T>(T form) => protector.EncryptDocument(JsonSerializer.Serialize(form, form!.GetType()));

    public T Open<T>(string cipher) => JsonSerializer.Deserialize<T>(protector.DecryptDocument(cipher))!;

    public object Open(string cipher, Type formType) => JsonSerializer.Deserialize(protector.DecryptDocument(cipher), formType)!;
}
