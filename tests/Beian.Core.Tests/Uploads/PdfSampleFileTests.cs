using System.Text;
using Beian.Core.Uploads;

namespace Beian.Core.Tests.Uploads;

/// <summary>
/// PDFs as a real writer saves them (qpdf, Samples/make-samples.sh): objects compressed into object streams
/// beside a cross-reference stream with a predictor, and encrypted copies that open without a password.
/// </summary>
public class PdfSampleFileTests
{
    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Uploads", "Samples", name));

    [Theory]
    [InlineData("objstm-plain.pdf")]
    [InlineData("encrypted-plain.pdf")]
    public void Pages_only_pass(string name)
    {
        Assert.Equal(PdfContentFinding.Clean, PdfContentScan.Scan(Sample(name)));
    }

    [Theory]
    [InlineData("objstm-javascript.pdf")]
    [InlineData("objstm-launch.pdf")]
    public void A_script_or_launch_action_compressed_into_an_object_stream_is_found(string name)
    {
        var pdf = Sample(name);
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.DoesNotContain("JavaScript", raw); // the action is nowhere in the raw bytes
        Assert.DoesNotContain("Launch", raw);
        Assert.Equal(PdfContentFinding.ActiveContent, PdfContentScan.Scan(pdf));
        Assert.Equal(UploadRules.MessagePdfActiveContent, UploadRules.Check(UploadPurpose.SecurityPlan, name, pdf, UploadRules.DefaultMaxBytes, out _));
    }

    [Fact]
    public void Encryption_leaves_names_readable_so_a_script_is_found()
    {
        Assert.Equal(PdfContentFinding.ActiveContent, PdfContentScan.Scan(Sample("encrypted-javascript.pdf")));
    }

    [Fact]
    public void Encrypted_object_streams_cannot_be_checked_and_are_refused()
    {
        Assert.Equal(UploadRules.MessagePdfUnreadable,
            UploadRules.Check(UploadPurpose.PrePermit, "permit.pdf", Sample("encrypted-objstm-plain.pdf"), UploadRules.DefaultMaxBytes, out _));
    }
}
