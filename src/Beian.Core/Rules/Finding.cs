namespace Beian.Core.Rules;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>One pre-check result: a rule's code, the form field it concerns and a Chinese message.</summary>
public sealed record Finding(string Code, string Field, Severity Severity, string Message);
