using Microsoft.AspNetCore.Identity;

namespace Beian.Web.Features.Accounts;

/// <summary>Identity's messages in the platform's language.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "操作失败，请稍后再试");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "数据已被他人修改，请刷新后重试");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "原密码不正确");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "链接或验证码无效或已过期");
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "该外部账号已绑定其他用户");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "用户名只能包含字母、数字和下划线");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "电子邮件地址格式不正确");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "该用户名已被注册");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "该电子邮件地址已被注册");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "角色已存在");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "账号已设置密码");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "账号未启用锁定");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "账号已具有该角色");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "账号不具有该角色");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"密码长度不能少于{length}位");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "密码须包含特殊字符");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码须包含数字");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密码须包含小写字母");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密码须包含大写字母");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"密码至少包含{uniqueChars}个不同字符");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "恢复码无效");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
