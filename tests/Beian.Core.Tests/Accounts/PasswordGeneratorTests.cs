using Beian.Core.Accounts;

namespace Beian.Core.Tests.Accounts;

public class PasswordGeneratorTests
{
    [Fact]
    public void A_generated_password_passes_the_policy_and_has_all_four_classes()
    {
        for (var i = 0; i < 200; i++)
        {
            var password = PasswordGenerator.Generate(PasswordPolicy.Default, "officer01");
            Assert.Equal(PasswordGenerator.Length, password.Length);
            Assert.Empty(PasswordPolicy.Default.Check(password, "officer01"));
            Assert.Equal(4, PasswordPolicy.CountCharacterClasses(password));
        }
    }

    [Fact]
    public void A_generated_password_leaves_out_characters_that_are_easy_to_misread()
    {
        var seen = string.Concat(Enumerable.Range(0, 300).Select(_ => PasswordGenerator.Generate(PasswordPolicy.Default, null)));
        Assert.DoesNotContain(seen, c => "0Oo1lI，。.,; ".Contains(c));
    }

    [Fact]
    public void Two_generated_passwords_differ()
    {
        var passwords = Enumerable.Range(0, 100).Select(_ => PasswordGenerator.Generate(PasswordPolicy.Default, null)).ToHashSet();
        Assert.Equal(100, passwords.Count);
    }

    [Fact]
    public void A_password_the_policy_refuses_is_drawn_again()
    {
        // "A" as the username: about a third of the draws contain an a or A and are refused by the
        // policy (a password may not contain the username), so these must all have been redrawn.
        for (var i = 0; i < 100; i++)
        {
            var password = PasswordGenerator.Generate(PasswordPolicy.Default, "A");
            Assert.DoesNotContain('a', password.ToLowerInvariant());
        }
    }
}
