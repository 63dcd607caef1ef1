using System.Text.Json.Serialization;

namespace Beian.Core.Websites;

/// <summary>服务类型 checkboxes of the 网站基本信息 step (seed 003), in the form's order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ServiceType>))]
public enum ServiceType
{
    P2PFinance,
    Www,
    Wap,
    Blog,
    Microblog,
    Forum,
    ChatRoom,
    SocialNetwork,
    Email,
    InstantMessaging,
    SearchEngine,
    News,
    Music,
    Literature,
    AudioVideo,
    Games,
    Downloads,
    App,
    CloudComputing,
    SupplyAndDemand,
    TravelBooking,
    AppStore,
    ThirdPartyPayment,
    OnlineBanking,
    FinancialServices,
    OnlineShopping,
    CloudStorage,
    FtpDownload,
    OrganisationPortal,
    Other,
}

public static class ServiceTypes
{
    private static readonly DisplayNames<ServiceType> Names = new([
        (ServiceType.P2PFinance, "P2P金融"),
        (ServiceType.Www, "www服务"),
        (ServiceType.Wap, "wap网站"),
        (ServiceType.Blog, "博客/个人空间"),
        (ServiceType.Microblog, "微博"),
        (ServiceType.Forum, "论坛bbs"),
        (ServiceType.ChatRoom, "聊天室"),
        (ServiceType.SocialNetwork, "社交网络"),
        (ServiceType.Email, "电子邮件"),
        (ServiceType.InstantMessaging, "即时通讯"),
        (ServiceType.SearchEngine, "搜索引擎"),
        (ServiceType.News, "网络新闻"),
        (ServiceType.Music, "网络音乐"),
        (ServiceType.Literature, "网络文学"),
        (ServiceType.AudioVideo, "网络音视频"),
        (ServiceType.Games, "网络游戏"),
        (ServiceType.Downloads, "网络下载"),
        (ServiceType.App, "app服务"),
        (ServiceType.CloudComputing, "云计算"),
        (ServiceType.SupplyAndDemand, "供求信息"),
        (ServiceType.TravelBooking, "旅行预订"),
        (ServiceType.AppStore, "移动应用商店"),
        (ServiceType.ThirdPartyPayment, "第三方支付"),
        (ServiceType.OnlineBanking, "网上银行"),
        (ServiceType.FinancialServices, "财经服务"),
        (ServiceType.OnlineShopping, "网络购物"),
        (ServiceType.CloudStorage, "云存储"),
        (ServiceType.FtpDownload, "FTP下载"),
        (ServiceType.OrganisationPortal, "单位门户网站"),
        (ServiceType.Other, "其他"),
    ]);

    public static IReadOnlyList<ServiceType> All => Names.All;

    public static string DisplayName(this ServiceType type) => Names.Of(type);

    public static ServiceType? FromDisplayName(string? displayName) => Names.Parse(displayName);

    /// <summary>Whether users publish or exchange information through it (website-keywords.json).</summary>
    public static bool IsInteractive(this ServiceType type) => WebsiteKeywords.Default.InteractiveServiceTypes.Contains(type);
}
