using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Beian.Web.Infrastructure.Hosting;

/// <summary>Model-binding errors (a date that is not a date …) in Chinese, like every other message.</summary>
public static class ChineseModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => "此项为必填项");
        messages.SetMissingBindRequiredValueAccessor(_ => "此项为必填项");
        messages.SetMissingKeyOrValueAccessor(() => "此项为必填项");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空");
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”格式不正确");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”格式不正确");
        messages.SetUnknownValueIsInvalidAccessor(_ => "填写的内容格式不正确");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的内容格式不正确");
        messages.SetValueIsInvalidAccessor(value => $"“{value}”格式不正确");
        messages.SetValueMustBeANumberAccessor(_ => "请输入数字");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "请输入数字");
    }
}
