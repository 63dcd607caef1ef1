using System.Text.RegularExpressions;
using Beian.Core.Rules;
using Beian.Core.Websites;

namespace Beian.Core.Filing;

/// <summary>
/// The 工信部备案号 of a service that is not a website: the ICP 备案号 with the service's suffix letter,
/// <c>浙ICP备2026055717号-3A</c> for an APP, <c>…-5X</c> for a 小程序, or an ICP licence of the same
/// service, <c>粤B2-20090059-1626X</c> (the -n suffix part optional for a licence) [guide]. Spaces and
/// full-width characters are normalised as for websites.
/// </summary>
public sealed class ServiceIcpNumber
{
    public static readonly ServiceIcpNumber App = new("APP", "工信部APP备案号", 'A', "浙ICP备2026055717号-3A", "粤B2-20090059-1626A");
    public static readonly ServiceIcpNumber MiniProgram = new("小程序", "工信部备案号", 'X', "浙ICP备2026055717号-5X", "粤B2-20090059-1626X");

    private readonly Regex _shape;

    private ServiceIcpNumber(string noun, string label, char suffix, string example, string licenceExample)
    {
        Noun = noun;
        Label = label;
        Suffix = suffix;
        Example = example;
        _shape = new Regex($@"^[{IcpNumber.Provinces}](ICP备\d{{6,10}}号-[1-9]\d{{0,3}}{suffix}|B2-\d{{8}}(-[1-9]\d{{0,4}}{suffix})?)$", RegexOptions.CultureInvariant);
        FormatMessage = $"{label}格式不正确，应为“{example}”（经营性{noun}可填“{licenceExample}”）";
    }

    /// <summary>APP, 小程序: the noun of the messages.</summary>
    public string Noun { get; }

    /// <summary>The field's label: 工信部APP备案号, 工信部备案号.</summary>
    public string Label { get; }

    /// <summary>The letter the MIIT puts after the serial of this kind of service.</summary>
    public char Suffix { get; }

    public string Example { get; }

    public string FormatMessage { get; }

    public string RequiredMessage => $"请填写{Label}（如：{Example}）";

    /// <summary>The number as it is kept (normalised), or null with the problem in <paramref name="error"/>.</summary>
    public string? Normalize(string? input, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = RequiredMessage;
            return null;
        }
        var text = IcpNumber.Normalize(input).Replace(char.ToLowerInvariant(Suffix), Suffix);
        if (_shape.IsMatch(text)) return text;
        error = FormatMessage;
        return null;
    }

    /// <summary>
    /// 是否有{Label} must be answered; 否 is a warning for the reviewer (a service offered in China files with
    /// the MIIT first); 是 needs a well-formed number.
    /// </summary>
    public IEnumerable<Finding> Check(bool? has, string? number, string hasField, string numberField, BusinessWording wording)
    {
        if (has is null) yield return Finding.Error(wording.Code("ICP-CHOICE"), hasField, $"请选择是否有{Label}");
        else if (has == false)
            yield return Finding.Warning(wording.Code("ICP-NONE"), hasField, $"在中华人民共和国境内从事互联网信息服务的{Noun}应先向通信管理部门履行{Noun}备案手续，请核实");
        else if (Normalize(number, out var error) is null)
            yield return Finding.Error(wording.Code(string.IsNullOrWhiteSpace(number) ? "ICP-REQUIRED" : "ICP-INVALID"), numberField, error!);
    }
}
