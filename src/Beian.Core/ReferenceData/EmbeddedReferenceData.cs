using System.Reflection;
using System.Text.Json;

namespace Beian.Core.ReferenceData;

/// <summary>
/// Reads the JSON files under ReferenceData/ that Beian.Core embeds as resources named
/// <c>Beian.Core.ReferenceData.&lt;file&gt;</c> (regions.json, holidays.json, providers.json), and
/// opens the text ones (ip-regions.txt …).
/// </summary>
public static class EmbeddedReferenceData
{
    public const string RegionsFile = "regions.json";
    public const string HolidaysFile = "holidays.json";
    public const string ProvidersFile = "providers.json";
    public const string IpRegionsFile = "ip-regions.txt";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string ResourceName(string fileName) => $"Beian.Core.ReferenceData.{fileName}";

    public static Stream Open(string fileName)
    {
        var assembly = typeof(EmbeddedReferenceData).Assembly;
        return assembly.GetManifestResourceStream(ResourceName(fileName))
            ?? throw new InvalidOperationException($"Embedded reference data '{fileName}' is missing.");
    }

    public static T Read<T>(string fileName)
    {
        using var stream = Open(fileName);
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidOperationException($"Embedded reference data '{fileName}' is empty.");
    }
}
