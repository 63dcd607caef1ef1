using Beian.Core.Filing;
using Beian.Core.Rules;

namespace Beian.Core.Tests.Filing;

/// <summary>Step ③: the 7×24 应急联络人 who is the 负责人 again (SPEC §4), known by the certificate number.</summary>
public class ResponsiblePeopleRulesTests
{
    private const string Field = "People.EmergencyContact.Name";

    [Theory]
    [InlineData("11010519491231002X", "11010519491231002X")]
    [InlineData("11010519491231002X", "11010519491231002x")] // a lower-case x
    [InlineData("11010519491231002X", " 110105 19491231 002X ")] // spaces
    [InlineData("11010519491231002X", "１１０１０５１９４９１２３１００２Ｘ")] // full-width
    [InlineData("E12345678", "e12345678")] // a passport
    public void The_same_certificate_number_is_the_same_person_whatever_the_names(string principal, string contact)
    {
        var finding = ResponsiblePeopleRules.EmergencyContact(principal, contact, "网站");
        Assert.NotNull(finding);
        Assert.Equal(ResponsiblePeopleRules.EmergencyContactSameCode, finding.Code);
        Assert.Equal(Field, finding.Field);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("网站应急联络人与网站负责人为同一人，建议另设7×24小时可联系的应急联络人", finding.Message);
    }

    [Theory]
    [InlineData("11010519491231002X", "440305199003071236")]
    [InlineData("11010519491231002X", "")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Another_or_a_missing_number_is_no_warning(string? principal, string? contact)
    {
        Assert.Null(ResponsiblePeopleRules.EmergencyContact(principal, contact, "网站"));
    }

    [Fact]
    public void The_warning_names_the_business()
    {
        Assert.Equal("APP应急联络人与APP负责人为同一人，建议另设7×24小时可联系的应急联络人",
            ResponsiblePeopleRules.EmergencyContact("E12345678", "E12345678", "APP")!.Message);
    }
}
