using System.ComponentModel.DataAnnotations;
using Beian.Web.Features.Accounts;

namespace Beian.Web.Features.Admin.PoliceUsers;

/// <summary>What an administrator types for an officer, on 新增民警 and on 编辑.</summary>
public class PoliceUserInput
{
    [Display(Name = "姓名")]
    [Required(ErrorMessage = "请输入姓名")]
    [StringLength(30, ErrorMessage = "姓名不能超过30个字")]
    public string? DisplayName { get; set; }

    public UnitChoice Unit { get; set; } = new();

    [Display(Name = "角色")]
    [Required(ErrorMessage = "请选择角色")]
    public string? Role { get; set; }

    [Display(Name = "手机号码")]
    [Required(ErrorMessage = "请输入手机号码")]
    public string? Mobile { get; set; }

    [Display(Name = "电子邮件地址")]
    [Required(ErrorMessage = "请输入电子邮件地址")]
    [EmailAddress(ErrorMessage = "电子邮件地址格式不正确")]
    [StringLength(100, ErrorMessage = "电子邮件地址过长")]
    public string? Email { get; set; }
}

public sealed class NewPoliceUserInput : PoliceUserInput
{
    [Display(Name = "用户名")]
    [Required(ErrorMessage = "请输入用户名")]
    [RegularExpression(@"^[A-Za-z][A-Za-z0-9_]{3,19}$", ErrorMessage = "用户名为4至20位字母、数字或下划线，以字母开头")]
    public string? UserName { get; set; }
}

/// <summary>The two police roles and their names on screen.</summary>
public static class PoliceRoles
{
    public static readonly IReadOnlyList<(string Role, string Label, string Help)> All =
    [
        (Roles.Reviewer, "审核民警", "审核本单位管辖范围内的申请"),
        (Roles.Supervisor, "上级单位", "查看并督导本单位及全部下级单位的申请；仅可设在有下级单位的单位"),
    ];

    public static bool IsPoliceRole(string? role) => role is Roles.Reviewer or Roles.Supervisor;

    public static string Label(string? role) => All.FirstOrDefault(r => r.Role == role).Label ?? "未设置";
}
