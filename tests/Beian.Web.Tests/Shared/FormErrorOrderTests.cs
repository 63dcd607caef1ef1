using Beian.Web.Features.Shared;

namespace Beian.Web.Tests.Shared;

public class FormErrorOrderTests
{
    [Fact]
    public void Field_errors_follow_their_inputs_and_errors_of_no_field_or_no_input_keep_their_place_around_them()
    {
        const string form = """
            <ul><li>存在审核中的单据</li>
            <li data-error-for="Uploads.IdFront"><a>b</a></li> <li data-error-for="Gone"><a>x</a></li>
            <li data-error-for="Address.Detail"><a>c</a></li><li data-error-for="Name"><a>a</a></li></ul>
            <input name="Name" /><input type="file" name="Uploads.IdFront.File" /><input name="Address.Detail" />
            """;

        var ordered = FormErrorOrder.InFieldOrder(form);

        Assert.Equal("""
            <ul><li>存在审核中的单据</li>
            <li data-error-for="Name"><a>a</a></li> <li data-error-for="Uploads.IdFront"><a>b</a></li>
            <li data-error-for="Address.Detail"><a>c</a></li><li data-error-for="Gone"><a>x</a></li></ul>
            <input name="Name" /><input type="file" name="Uploads.IdFront.File" /><input name="Address.Detail" />
            """, ordered);
    }
}
