using System.ComponentModel.DataAnnotations;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Websites;
using Beian.Web.Infrastructure.Input;

namespace Beian.Web.Tests.Hardening;

/// <summary>The input rules themselves, without a server.</summary>
public sealed class InputTextTests
{
    [Theory]
    [InlineData("北京小米科技有限责任公司")]
    [InlineData("第一行\r\n第二行\t缩进")]
    [InlineData("emoji 😀 is a whole surrogate pair")]
    public void Ordinary_text_with_tabs_line_breaks_and_emoji_is_accepted(string text) =>
        Assert.Null(InputText.Refusal(text, 100, "名称"));

    [Theory]
    [InlineData("a\0b")]
    [InlineData("bell\u0007")]
    [InlineData("escape\u001b[31m")]
    [InlineData("delete\u007f")]
    [InlineData("c1\u0085")]
    public void Control_characters_are_refused_in_chinese(string text) =>
        Assert.Equal("名称含有不允许的控制字符或无效字符，请删除后重新填写", InputText.Refusal(text, 100, "名称"));

    // Built here rather than as theory data, which would not carry half a surrogate pair intact.
    [Fact]
    public void Lone_surrogates_are_refused()
    {
        Assert.True(InputText.HasForbiddenCharacter("lone high " + (char)0xD800));
        Assert.True(InputText.HasForbiddenCharacter((char)0xDC00 + " lone low"));
        Assert.True(InputText.HasForbiddenCharacter(new string([(char)0xDC00, (char)0xD800])));
    }

    [Fact]
    public void A_value_over_its_limit_is_refused_with_both_lengths_and_a_line_break_counts_once()
    {
        Assert.Equal("功能介绍不能超过5个字符（当前6个）", InputText.Refusal("一二三四五六", 5, "功能介绍"));
        Assert.Null(InputText.Refusal("一二\r\n三四", 5, "功能介绍"));
        Assert.Equal("此项不能超过1个字符（当前2个）", InputText.Refusal("ab", 1, null));
    }

    private sealed class Declared
    {
        [InputLimit(50)] [Display(Name = "网站名称")] public string? Name { get; set; }
        [StringLength(100)] public string? Email { get; set; }
        public string? Anything { get; set; }
    }

    [Fact]
    public void A_field_declares_its_limit_by_input_limit_or_string_length_else_the_default_applies()
    {
        Assert.Equal(50, InputText.MaxLengthOf(typeof(Declared).GetProperty("Name")));
        Assert.Equal("网站名称", InputText.LabelOf(typeof(Declared).GetProperty("Name")));
        Assert.Equal(100, InputText.MaxLengthOf(typeof(Declared).GetProperty("Email")));
        Assert.Equal(InputText.DefaultMaxLength, InputText.MaxLengthOf(typeof(Declared).GetProperty("Anything")));
    }

    private sealed class Page
    {
        public SubjectForm Form { get; set; } = new();
        public object BasicInfo { get; set; } = new WebsiteBasicInfo();
        [Microsoft.AspNetCore.Mvc.BindProperty(Name = "p")] public string? PageText { get; set; }
        public List<WebsiteBasicInfo> Sites { get; set; } = [];
    }

    [Theory]
    [InlineData("Form.Organisation.Name", 100)]
    [InlineData("form.principal.residenceaddress.detail", 100)]
    [InlineData("BasicInfo.Name", 50)]
    [InlineData("Sites[3].MainDomain", 253)]
    [InlineData("p", InputText.DefaultMaxLength)]
    [InlineData("__RequestVerificationToken", InputText.DefaultMaxLength)]
    public void A_posted_key_finds_its_declaration_through_nested_lists_and_runtime_types(string key, int limit) =>
        Assert.Equal(limit, InputText.MaxLengthOf(FormFields.DeclarationOf(new Page(), key, [])));

    [Fact]
    public void An_object_graph_is_refused_at_the_first_field_breaking_the_rules()
    {
        var form = new SubjectForm();
        form.Principal.Name = "李明";
        Assert.Null(InputGraph.FirstRefusal(form));
        form.Organisation.OfficeAddress.Detail = new string('路', 101);
        Assert.Equal(("Organisation.OfficeAddress.Detail", "详细地址不能超过100个字符（当前101个）"), InputGraph.FirstRefusal(form));
    }
}
