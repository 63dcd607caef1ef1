using Beian.Core.Accounts;
using Beian.Core.Numbering;
using Beian.Core.PoliceUnits;
using Beian.Core.PublicQuery;
using Beian.Core.Regions;
using Beian.Core.Subjects;

namespace Beian.Bench;

/// <summary>One generated subject (开办主体) with its filed websites.</summary>
public sealed record GeneratedSubject(Guid Id, SubjectNature Nature, string Name, string UnitCode, DateTime ApprovedAt, IReadOnlyList<GeneratedSite> Sites);

/// <summary>What became of a generated website after it was submitted.</summary>
public enum SiteLife
{
    /// <summary>Approved and unchanged since.</summary>
    Filed,
    /// <summary>Approved, later changed (变更网站, approved).</summary>
    Changed,
    /// <summary>Approved, later cancelled (注销网站, approved): no longer public, its number no longer in force.</summary>
    Cancelled,
    /// <summary>Submitted in the last weeks and not decided yet: in its county's queue, without a number.</summary>
    Open,
}

/// <summary>
/// One generated website, with everything the public read tables hold and its history: submitted at
/// <see cref="SubmittedAt"/> (returned once and resubmitted when <see cref="ReturnedOnce"/>), filed at
/// <see cref="FiledAt"/>, changed or cancelled at <see cref="LaterAt"/>. An open one has no number and no filing time.
/// </summary>
public sealed record GeneratedSite(Guid Id, string Name, string MainDomain, string RegistrableDomain, IReadOnlyList<string> SubDomains,
    bool Interactive, string? NumberDigits, string? NumberDisplay, DateTime FiledAt, SiteLife Life, DateTime SubmittedAt, bool ReturnedOnce,
    DateTime LaterAt)
{
    public string NameKey => NameGrams.Normalize(Name);

    /// <summary>Whether 公共查询 shows it (its number in force).</summary>
    public bool Public => Life is SiteLife.Filed or SiteLife.Changed;
}

/// <summary>
/// A national dataset that looks like the real one: sites spread over every county of the region
/// catalog with a skewed weight (big cities file far more), names built from place names, shop
/// words and site words as Chinese sites are named (so 1- and 2-character queries hit as in
/// life: 网 in most names, 杭州 in many, 茶 in fewer), unique ASCII domains with www forms and
/// 从域名, and 公安备案号 that count up per county. Deterministic for a seed.
/// </summary>
public sealed class NationalDataset(int seed)
{
    private static readonly string[] Brand =
    [
        "华", "新", "中", "天", "金", "恒", "信", "达", "盛", "隆", "鑫", "源", "泰", "宏", "博", "瑞", "德", "福", "佳", "优",
        "美", "创", "智", "云", "星", "海", "山", "和", "安", "富", "康", "兴", "旺", "豪", "宇", "辉", "晨", "阳", "光", "明",
        "诚", "正", "联", "通", "汇", "丰", "利", "嘉", "永", "长", "东", "南", "西", "北", "润", "祥", "锦", "凯", "腾", "飞",
    ];

    private static readonly string[] Trade =
    [
        "科技", "网络", "信息", "传媒", "文化", "旅游", "商贸", "电子", "软件", "贸易", "机械", "建设", "物流", "餐饮", "农业",
        "服饰", "家居", "汽车", "装饰", "设计", "广告", "咨询", "健康", "食品", "茶叶", "酒店", "印刷", "化工", "环保", "能源",
        "物业", "摄影", "体育", "宠物", "母婴", "数码", "家电", "五金", "钢材", "水产",
    ];

    private static readonly string[] SiteWord = ["官网", "官方网站", "网", "商城", "平台", "门户网站", "信息网", "在线", "之家", "资讯网", "服务平台", "网上商城"];

    private static readonly string[] PersonalSite = ["的个人博客", "的个人网站", "摄影作品集", "的技术博客", "读书笔记", "旅行日记"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "欧阳", "司马"];

    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "志强"];

    private static readonly string[] Syllables =
    [
        "hua", "xin", "tian", "jin", "sheng", "long", "yuan", "tai", "hong", "bo", "rui", "de", "fu", "jia", "you", "mei", "chuang", "zhi",
        "yun", "xing", "hai", "shan", "he", "an", "kang", "wang", "hao", "yu", "hui", "chen", "yang", "guang", "ming", "cheng", "tong", "feng",
    ];

    private static readonly (string Tld, int Weight)[] Tlds = [(".com", 50), (".cn", 25), (".com.cn", 10), (".net", 10), (".top", 3), (".org.cn", 2)];

    private readonly Random _random = new(seed);
    private readonly IReadOnlyList<(string Code, string Place, string City)> _counties = Counties();
    private readonly Dictionary<string, int> _serials = [];
    private long _domainCounter;

    /// <summary>The counties with their police units, each with a skewed weight.</summary>
    public IReadOnlyList<(string Code, string Place, string City)> CountiesUsed => _counties;

    /// <summary>Subjects with 1–3 sites each until <paramref name="sites"/> sites exist, in filing order (oldest first).</summary>
    public IEnumerable<GeneratedSubject> Subjects(int sites, DateTime newestUtc)
    {
        var weights = CumulativeWeights();
        var oldest = newestUtc.AddYears(-10);
        var span = (newestUtc - oldest).Ticks;
        for (var made = 0; made < sites;)
        {
            var county = _counties[Pick(weights)];
            var organisation = _random.NextDouble() < 0.7;
            var count = Math.Min(sites - made, _random.NextDouble() switch { < 0.85 => 1, < 0.97 => 2, _ => 3 });
            // Filing times rise with the index, so the newest sites are the last ones written.
            var approved = oldest.AddTicks(span / sites * made + _random.NextInt64(span / sites + 1));
            var holder = organisation ? OrganisationName(county) : PersonName();
            var list = new List<GeneratedSite>(count);
            for (var i = 0; i < count; i++)
                list.Add(Site(county, organisation, holder, approved.AddMinutes(i * 7), newestUtc));
            made += count;
            yield return new GeneratedSubject(Guid.CreateVersion7(approved), organisation ? SubjectNature.Organisation : SubjectNature.Individual,
                holder, county.Code, approved, list);
        }
    }

    /// <summary>The last serial issued per county (the number sequences to set after loading).</summary>
    public IReadOnlyDictionary<string, int> Serials => _serials;

    public static string HolderNameOf(GeneratedSubject subject) => Beian.Web.Features.Public.PublicHolder.NameOf(subject.Nature, subject.Name);

    private GeneratedSite Site((string Code, string Place, string City) county, bool organisation, string holder, DateTime filedAt, DateTime newestUtc)
    {
        var name = organisation ? OrganisationSiteName(county, holder) : PersonalSiteName(county, holder);
        var (main, registrable) = Domain();
        var subDomains = new List<string>();
        if (_random.NextDouble() < 0.45) subDomains.Add("m." + registrable);
        if (_random.NextDouble() < 0.15) subDomains.Add("shop." + registrable);
        if (main != "www." + registrable && _random.NextDouble() < 0.5) subDomains.Add("www." + registrable);
        var interactive = _random.NextDouble() < 0.3;
        var life = Life();
        var returnedOnce = _random.NextDouble() < ReturnedShare;
        if (life == SiteLife.Open)
        {
            // The queue holds what was submitted in the last three weeks, whenever its subject was approved.
            var submitted = newestUtc.AddMinutes(-_random.Next(1, 21 * 24 * 60));
            return new GeneratedSite(Guid.CreateVersion7(submitted), name, main, registrable, subDomains, interactive, null, null, submitted,
                life, submitted, false, submitted);
        }
        var serial = _serials[county.Code] = _serials.GetValueOrDefault(county.Code) + 1;
        var number = PublicSecurityNumber.Create(county.Code, FilingCategory.Website, serial);
        var submittedAt = filedAt.AddHours(-(returnedOnce ? 24 * 5 : 2) - _random.Next(48));
        var later = filedAt.AddTicks((long)(_random.NextDouble() * Math.Max(0, (newestUtc.AddDays(-30) - filedAt).Ticks)));
        if (life != SiteLife.Filed && later <= filedAt.AddDays(1)) life = SiteLife.Filed; // filed in the last month: not changed yet
        return new GeneratedSite(Guid.CreateVersion7(filedAt), name, main, registrable, subDomains, interactive,
            number.Digits, number.Display, filedAt, life, submittedAt, returnedOnce, later);
    }

    /// <summary>The shares of a site's fate: about 2 % waiting in a queue, 4 % changed once, 1 % cancelled.</summary>
    private SiteLife Life() => _random.NextDouble() switch
    {
        < 0.02 => SiteLife.Open,
        < 0.06 => SiteLife.Changed,
        < 0.07 => SiteLife.Cancelled,
        _ => SiteLife.Filed,
    };

    /// <summary>Applications returned once (a reason to correct) before they were approved.</summary>
    private const double ReturnedShare = 0.05;

    private string OrganisationName((string Code, string Place, string City) county) =>
        $"{county.City}{Word(Brand)}{Word(Brand)}{Word(Trade)}有限公司";

    private string OrganisationSiteName((string Code, string Place, string City) county, string holder)
    {
        // Most sites carry the brand of the company; some the place, as local portals do.
        var brand = holder[county.City.Length..(county.City.Length + 2)];
        return _random.NextDouble() switch
        {
            < 0.55 => $"{brand}{Word(Trade)}{Word(SiteWord)}",
            < 0.80 => $"{county.Place}{brand}{Word(SiteWord)}",
            _ => $"{county.City}{Word(Trade)}{Word(SiteWord)}",
        };
    }

    private string PersonalSiteName((string Code, string Place, string City) county, string holder) =>
        _random.NextDouble() < 0.8 ? holder + Word(PersonalSite) : $"{county.Place}{Word(Trade)}{Word(PersonalSite)[1..]}";

    private string PersonName() => Word(Surnames) + Word(Given);

    private (string Main, string Registrable) Domain()
    {
        var label = Word(Syllables) + Word(Syllables) + Base36(_domainCounter++);
        var registrable = label + WeightedTld();
        return (_random.NextDouble() < 0.3 ? "www." + registrable : registrable, registrable);
    }

    private string WeightedTld()
    {
        var pick = _random.Next(100);
        foreach (var (tld, weight) in Tlds)
        {
            if (pick < weight) return tld;
            pick -= weight;
        }
        return ".com";
    }

    private string Word(string[] words) => words[_random.Next(words.Length)];

    private int Pick(double[] cumulative)
    {
        var x = _random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, x);
        return index >= 0 ? index : Math.Min(~index, cumulative.Length - 1);
    }

    /// <summary>The counties' weights as running sums.</summary>
    private double[] CumulativeWeights()
    {
        var weights = SkewedWeights(_random, _counties.Count);
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++) weights[i] = total += weights[i];
        return weights;
    }

    /// <summary>Pareto-like weights: a few counties (city districts) file most sites, as in life.</summary>
    public static double[] SkewedWeights(Random random, int counties)
    {
        var weights = new double[counties];
        for (var i = 0; i < counties; i++) weights[i] = 1.0 / Math.Pow(1.0 - random.NextDouble() * 0.999, 0.8);
        return weights;
    }

    private static string Base36(long value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var text = string.Empty;
        do
        {
            text = digits[(int)(value % 36)] + text;
            value /= 36;
        } while (value > 0);
        return text;
    }

    /// <summary>Every county that has a police unit, with its short place name and its city's.</summary>
    private static IReadOnlyList<(string Code, string Place, string City)> Counties()
    {
        var regions = RegionCatalog.Default;
        return PoliceUnitCatalog.Default.All
            .Where(u => u.Level == PoliceUnitLevel.County)
            .Select(u => (u.Code, Place: Short(regions.Find(u.Code)?.Name ?? u.Name), City: Short(regions.Find(u.ParentCode ?? "")?.Name ?? "")))
            .Where(c => c.City.Length >= 2 && c.Place.Length >= 2)
            .OrderBy(c => c.Code)
            .ToList();
    }

    /// <summary>杭州市 → 杭州, 西湖区 → 西湖; a two-character name stays whole.</summary>
    private static string Short(string name) =>
        name.Length > 2 && (name.EndsWith('市') || name.EndsWith('区') || name.EndsWith('县')) ? name[..^1] : name;
}
