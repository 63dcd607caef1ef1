using Beian.Core.ReferenceData;

namespace Beian.Core.Providers;

/// <summary>The shape of ReferenceData/providers.json.</summary>
internal sealed record ProviderFile(List<ProviderFile.Entry> Providers)
{
    internal sealed record Entry(string Id, string Name, string ShortName, string Kind, string Scope, string Region);

    public static ServiceProviderCatalog LoadCatalog()
    {
        var file = EmbeddedReferenceData.Read<ProviderFile>(EmbeddedReferenceData.ProvidersFile);
        return new ServiceProviderCatalog(file.Providers.Select(ToProvider));
    }

    private static ServiceProvider ToProvider(Entry entry) =>
        new(entry.Id, entry.Name, entry.ShortName, ParseKind(entry.Kind), entry.Scope, entry.Region);

    private static ProviderKind ParseKind(string kind) => kind switch
    {
        "access" => ProviderKind.Access,
        "registrar" => ProviderKind.Registrar,
        "both" => ProviderKind.Both,
        _ => throw new InvalidOperationException($"Unknown provider kind '{kind}'."),
    };
}
