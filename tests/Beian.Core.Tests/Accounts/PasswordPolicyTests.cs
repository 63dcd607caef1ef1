using Beian.Core.Accounts;

namespace Beian.Core.Tests.Accounts;

public class PasswordPolicyTests
{
    private const string TooShortMessage = "密码长度不能少于8位";
    private const string ClassesMessage = "密码须包含大写字母、小写字母、数字、特殊字符中的至少三类";
    private const string CommonMessage = "该密码过于常见，容易被猜中，请换一个";
    private const string UserNameMessage = "密码不能包含用户名";

    private static readonly PasswordPolicy Policy = PasswordPolicy.Default;

    [Fact]
    public void The_policy_requires_eight_characters_and_three_classes()
    {
        Assert.Equal(8, PasswordPolicy.MinimumLength);
        Assert.Equal(3, PasswordPolicy.MinimumCharacterClasses);
    }

    [Theory]
    [InlineData("Ab1!")]
    [InlineData("Xy7#kQ2")]
    public void A_password_shorter_than_eight_characters_is_refused(string password)
    {
        var problems = Policy.Check(password);
        Assert.Equal([TooShortMessage], problems);
    }

    [Fact]
    public void A_password_of_exactly_eight_characters_is_long_enough()
    {
        Assert.Empty(Policy.Check("Kx7#mQ2z"));
    }

    [Theory]
    [InlineData("KXMQZWTR", 1)]          // upper only
    [InlineData("kxmqzwtr", 1)]          // lower only
    [InlineData("73920561", 1)]          // digits only
    [InlineData("!@#$%^&*", 1)]          // special only
    [InlineData("KXMQzwtr", 2)]          // upper + lower
    [InlineData("KXMQ7392", 2)]          // upper + digit
    [InlineData("KXMQ!@#$", 2)]          // upper + special
    [InlineData("kxmq7392", 2)]          // lower + digit
    [InlineData("kxmq!@#$", 2)]          // lower + special
    [InlineData("7392!@#$", 2)]          // digit + special
    public void A_password_with_fewer_than_three_character_classes_is_refused(string password, int classes)
    {
        Assert.Equal(classes, PasswordPolicy.CountCharacterClasses(password));
        Assert.Equal([ClassesMessage], Policy.Check(password));
    }

    [Theory]
    [InlineData("KXMQzw73")]             // upper + lower + digit
    [InlineData("KXMQzw!#")]             // upper + lower + special
    [InlineData("KXMQ73!#")]             // upper + digit + special
    [InlineData("kxmq73!#")]             // lower + digit + special
    public void A_password_with_exactly_three_character_classes_is_accepted(string password)
    {
        Assert.Equal(3, PasswordPolicy.CountCharacterClasses(password));
        Assert.Empty(Policy.Check(password));
    }

    [Fact]
    public void A_password_with_all_four_character_classes_is_accepted()
    {
        Assert.Equal(4, PasswordPolicy.CountCharacterClasses("Kx7#mQ2z"));
        Assert.Empty(Policy.Check("Kx7#mQ2z"));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("A", 1)]
    [InlineData("a", 1)]
    [InlineData("1", 1)]
    [InlineData(" ", 1)]
    [InlineData("Aa", 2)]
    [InlineData("Aa1", 3)]
    [InlineData("Aa1-", 4)]
    [InlineData("AAAaaa111---", 4)]
    [InlineData("密码", 1)]              // non-ASCII characters count as special characters
    public void CountCharacterClasses_counts_each_class_once(string password, int expected)
    {
        Assert.Equal(expected, PasswordPolicy.CountCharacterClasses(password));
    }

    [Theory]
    [InlineData("P@ssw0rd")]
    [InlineData("p@ssw0rd")]
    [InlineData("P@SSW0RD")]
    [InlineData("Aa123456")]
    [InlineData("aA123456")]
    [InlineData("AA123456")]
    [InlineData("Qwer1234")]
    [InlineData("!QAZ2wsx")]
    public void A_common_password_is_refused_whatever_its_letter_case(string password)
    {
        Assert.Contains(CommonMessage, Policy.Check(password));
    }

    [Fact]
    public void A_common_password_with_three_classes_is_refused_only_for_being_common()
    {
        Assert.Equal([CommonMessage], Policy.Check("P@ssw0rd"));
        Assert.Equal([CommonMessage], Policy.Check("Aa123456"));
    }

    [Fact]
    public void A_common_password_with_two_classes_gets_both_problems()
    {
        Assert.Equal([ClassesMessage, CommonMessage], Policy.Check("qwer1234"));
    }

    [Fact]
    public void A_policy_built_from_its_own_list_refuses_only_that_list()
    {
        var policy = new PasswordPolicy(["Tr0ub4dor&3"]);
        Assert.Equal([CommonMessage], policy.Check("TR0UB4DOR&3"));
        Assert.Empty(policy.Check("P@ssw0rd"));
    }

    [Theory]
    [InlineData("Zhangsan#2025", "zhangsan")]
    [InlineData("2025#zhangsan", "ZhangSan")]
    [InlineData("x!ZHANGSAN9", "zhangsan")]
    public void A_password_containing_the_username_is_refused(string password, string userName)
    {
        Assert.Equal([UserNameMessage], Policy.Check(password, userName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("lisi")]
    public void A_password_not_containing_the_username_is_not_refused_for_it(string? userName)
    {
        Assert.Empty(Policy.Check("Zhangsan#2025", userName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_password_asks_for_one_and_nothing_else(string? password)
    {
        Assert.Equal(["请输入密码"], Policy.Check(password, "zhangsan"));
    }

    [Fact]
    public void A_short_two_class_username_password_reports_every_problem()
    {
        Assert.Equal([TooShortMessage, ClassesMessage, UserNameMessage], Policy.Check("lisi12", "lisi"));
    }

    [Fact]
    public void The_embedded_common_password_list_loads_with_more_than_150_entries()
    {
        var field = typeof(PasswordPolicy).GetField("_commonPasswords",
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic);
        Assert.NotNull(field);
        var list = Assert.IsType<HashSet<string>>(field.GetValue(Policy));
        Assert.True(list.Count > 150, $"only {list.Count} common passwords were loaded");
        Assert.DoesNotContain(list, entry => entry.StartsWith('#') || entry.Length == 0 || entry != entry.Trim());
        Assert.Contains("123456", list);
    }

    [Fact]
    public void The_embedded_resource_is_present_in_the_assembly()
    {
        var names = typeof(PasswordPolicy).Assembly.GetManifestResourceNames();
        Assert.Contains("Beian.Core.ReferenceData.common-passwords.txt", names);
    }
}
