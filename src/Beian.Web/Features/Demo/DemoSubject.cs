using Beian.Core.IdentityNumbers;
using Beian.Core.Subjects;

namespace Beian.Web.Features.Demo;

/// <summary>
/// The made-up subjects and websites of the demo, all in 宁波市海曙区. The domains end in the
/// reserved .example so that none is anybody's real site and none collides with what a tester files;
/// each site opened within the 30 days before filing, as the rules ask, and has a 7×24
/// 应急联络人 of its own, so no warning stands on the demo applications.
/// </summary>
public sealed record DemoSubject(string Key, SubjectNature Nature, string Name, string? CreditCodeBody, string Address,
    string? OfficePhone, DemoPerson Principal, DemoPerson EmergencyContact, IReadOnlyList<DemoSite> Sites)
{
    public static readonly IReadOnlyList<DemoSubject> All =
    [
        new("yongshang", SubjectNature.Organisation, "宁波甬上茶事文化传播有限公司", "91330203MA2H3K7L1", "中山西路138号天宁大厦12楼", "0574-87301234",
            new DemoPerson("陈静", IdNumber("33020319880512002"), new DateOnly(2033, 6, 18), "13905740101", "chenjing@yongshang-tea.example", "柳汀街225号月湖花园3幢602室"),
            new DemoPerson("林涛", IdNumber("33020319900715003"), new DateOnly(2035, 3, 2), "13905740102", "lintao@yongshang-tea.example", "柳汀街225号月湖花园5幢201室"),
            [
                new DemoSite("甬上茶事", "yongshang-tea.example", "浙ICP备2024031501号-1", "203.0.113.21", 21),
                new DemoSite("甬上茶器图鉴", "chaqi-tujian.example", "浙ICP备2024031501号-2", "203.0.113.22", 14),
            ]),
        new("wanglei", SubjectNature.Individual, "王磊", null, "", null,
            new DemoPerson("王磊", IdNumber("33020319920308101"), new DateOnly(2032, 11, 9), "13905740202", "wanglei@siming-photo.example", "望春路366号春江花园7幢1101室"),
            new DemoPerson("李娜", IdNumber("33020319930419102"), new DateOnly(2034, 8, 27), "13905740203", "lina@siming-photo.example", "望春路366号春江花园7幢1101室"),
            [
                new DemoSite("四明山摄影札记", "siming-photo.example", "浙ICP备2023087342号-1", "203.0.113.31", 25),
            ]),
        new("sanjiangkou", SubjectNature.Organisation, "宁波三江口文创设计有限公司", "91330203MA2J8W4N2", "解放南路208号鼓楼文创园2号楼", "0574-87315678",
            new DemoPerson("周敏", IdNumber("33020319850921204"), new DateOnly(2031, 4, 15), "13905740303", "zhoumin@sanjiangkou-design.example", "孝闻街91号永寿花园2幢301室"),
            new DemoPerson("徐峰", IdNumber("33020319870226205"), new DateOnly(2036, 1, 20), "13905740304", "xufeng@sanjiangkou-design.example", "孝闻街91号永寿花园4幢502室"),
            [
                new DemoSite("三江口文创设计", "sanjiangkou-design.example", "浙ICP备2022045678号-1", "203.0.113.41", 9),
                new DemoSite("月湖手作工坊", "yuehu-handmade.example", "浙ICP备2022045678号-2", "203.0.113.42", 3),
            ]),
    ];

    private static string IdNumber(string first17) => first17 + Gb11643.CheckCharacter(first17);
}

public sealed record DemoPerson(string Name, string IdNumber, DateOnly IdValidUntil, string Mobile, string Email, string Residence);

public sealed record DemoSite(string Name, string Domain, string IcpNumber, string Ip, int OpenedDaysAgo);
