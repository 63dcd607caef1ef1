namespace Beian.Core.IdentityNumbers;

/// <summary>One 登记管理部门 (first character of a credit code) and its 机构类别 (second).</summary>
public sealed record CreditCodeDepartment(char Code, string Name, IReadOnlyDictionary<char, string> Categories);

/// <summary>
/// GB 32100-2015 表1 登记管理部门代码和机构类别代码, with the later additions A (中央军委改革和
/// 编制办公室) and N (农业农村). Standards data, kept in one table.
/// </summary>
public static class CreditCodeDepartments
{
    public static IReadOnlyList<CreditCodeDepartment> All { get; } =
    [
        Department('1', "机构编制", ('1', "机关"), ('2', "事业单位"), ('3', "中央编办直接管理机构编制的群众团体"), ('9', "其他")),
        Department('2', "外交", ('1', "外国常驻新闻机构"), ('9', "其他")),
        Department('3', "司法行政", ('1', "律师执业机构"), ('2', "公证处"), ('3', "基层法律服务所"),
            ('4', "司法鉴定机构"), ('5', "仲裁委员会"), ('9', "其他")),
        Department('4', "文化", ('1', "外国在华文化中心"), ('9', "其他")),
        Department('5', "民政", ('1', "社会团体"), ('2', "民办非企业单位"), ('3', "基金会"), ('9', "其他")),
        Department('6', "旅游", ('1', "外国旅游部门常驻代表机构"), ('2', "港澳台地区旅游部门常驻内地（大陆）代表机构"), ('9', "其他")),
        Department('7', "宗教", ('1', "宗教活动场所"), ('2', "宗教院校"), ('9', "其他")),
        Department('8', "工会", ('1', "基层工会"), ('9', "其他")),
        Department('9', "工商", ('1', "企业"), ('2', "个体工商户"), ('3', "农民专业合作社")),
        Department('A', "中央军委改革和编制办公室", ('1', "军队事业单位"), ('9', "其他")),
        Department('N', "农业", ('1', "组级集体经济组织"), ('2', "村级集体经济组织"), ('3', "乡镇级集体经济组织"), ('9', "其他")),
        Department('Y', "其他", ('1', "其他")),
    ];

    public static CreditCodeDepartment? Find(char code) => All.FirstOrDefault(department => department.Code == code);

    /// <summary>"民政/社会团体" for "51…"; null when the department is unknown.</summary>
    public static string? Describe(string creditCode)
    {
        if (creditCode.Length < 2 || Find(creditCode[0]) is not { } department) return null;
        return department.Categories.TryGetValue(creditCode[1], out var category)
            ? $"{department.Name}/{category}"
            : department.Name;
    }

    private static CreditCodeDepartment Department(char code, string name, params (char Code, string Name)[] categories) =>
        new(code, name, categories.ToDictionary(category => category.Code, category => category.Name));
}
