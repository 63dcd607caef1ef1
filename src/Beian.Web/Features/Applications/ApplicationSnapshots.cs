using System.Text.Json;
using Beian.Web.Infrastructure.PersonalData;

namespace Beian.Web.Features.Applications;

/// <summary>Snapshots hold personal data: they are stored as encrypted JSON.</summary>
public sealed class ApplicationSnapshots(PersonalDataProtector protector)
{
    public string Seal<T>(T form) => protector.Encrypt(JsonSerializer.Serialize(form));

    public T Open<T>(string cipher) => JsonSerializer.Deserialize<T>(protector.Decrypt(cipher))!;
}
