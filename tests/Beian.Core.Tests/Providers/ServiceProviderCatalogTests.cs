using Beian.Core.Providers;

namespace Beian.Core.Tests.Providers;

public class ServiceProviderCatalogTests
{
    private static readonly ServiceProviderCatalog Catalog = ServiceProviderCatalog.Default;

    [Fact]
    public void Has_at_least_40_providers_with_unique_ids_and_names()
    {
        Assert.True(Catalog.All.Count >= 40);
        Assert.Equal(Catalog.All.Count, Catalog.All.Select(provider => provider.Id).Distinct().Count());
        Assert.Equal(Catalog.All.Count, Catalog.All.Select(provider => provider.Name).Distinct().Count());
    }

    [Fact]
    public void Has_both_kinds_and_both_scopes()
    {
        Assert.Contains(Catalog.All, provider => provider.Kind == ProviderKind.Access);
        Assert.Contains(Catalog.All, provider => provider.Kind == ProviderKind.Registrar);
        Assert.Contains(Catalog.All, provider => provider.Kind == ProviderKind.Both);
        Assert.Contains(Catalog.All, provider => provider.Scope == ProviderScopes.Overseas);
        Assert.All(Catalog.All, provider => Assert.Contains(provider.Scope, new[] { ProviderScopes.Domestic, ProviderScopes.Overseas }));
    }

    [Fact]
    public void Searches_full_and_short_names()
    {
        Assert.Contains(Catalog.Search("阿里云", null, null, null), provider => provider.Name == "阿里云计算有限公司");
        Assert.Contains(Catalog.Search("万网", null, null, null), provider => provider.Id == "aliyun");
        Assert.Contains(Catalog.Search("dnspod", null, null, null), provider => provider.Id == "tencent-cloud");
        Assert.Empty(Catalog.Search("不存在的服务商", null, null, null));
    }

    [Fact]
    public void Empty_criteria_return_everything()
    {
        Assert.Equal(Catalog.All.Count, Catalog.Search(null, null, null, null).Count);
        Assert.Equal(Catalog.All.Count, Catalog.Search(" ", "", null, " ").Count);
    }

    [Fact]
    public void Filters_by_region_with_any_code_inside_the_province()
    {
        var zhejiang = Catalog.Search(null, "330106", null, null);
        Assert.Contains(zhejiang, provider => provider.Id == "aliyun");
        Assert.All(zhejiang, provider => Assert.Equal("330000", provider.Region));
        Assert.Contains(Catalog.Search("电信", "440000", null, null), provider => provider.Name == "中国电信股份有限公司广东分公司");
    }

    [Fact]
    public void Filters_by_kind_including_providers_offering_both()
    {
        var registrars = Catalog.Search(null, null, ProviderKind.Registrar, null);
        Assert.Contains(registrars, provider => provider.Id == "ename");
        Assert.Contains(registrars, provider => provider.Id == "aliyun");
        Assert.DoesNotContain(registrars, provider => provider.Id == "21vianet");
        Assert.All(Catalog.Search(null, null, ProviderKind.Both, null), provider => Assert.Equal(ProviderKind.Both, provider.Kind));
    }

    [Fact]
    public void Filters_by_scope()
    {
        var overseas = Catalog.Search(null, null, null, "境外");
        Assert.Contains(overseas, provider => provider.ShortName == "GoDaddy");
        Assert.DoesNotContain(overseas, provider => provider.Id == "aliyun");
        Assert.Contains(Catalog.Search("cloudflare", null, ProviderKind.Access, "境外"), provider => provider.Id == "cloudflare");
    }
}
