using System.Security.Cryptography;

namespace Beian.Web.Features.Captcha;

public interface ICaptchaAnswerGenerator
{
    string NextAnswer();
}

/// <summary>Four characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 8/B).</summary>
public sealed class RandomCaptchaAnswerGenerator : ICaptchaAnswerGenerator
{
    public const string Alphabet = "234679ACEFHKMNPRTUWXY";

    public string NextAnswer() => RandomNumberGenerator.GetString(Alphabet, 4);
}
