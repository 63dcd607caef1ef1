namespace Beian.Web.Features.Shared;

/// <summary>
/// A date box of a list's filters (<c>_DateFilter</c>): <paramref name="Key"/> is the bound property, whose errors stand
/// beside the box and whose text as typed stays in it when it is no date.
/// </summary>
public sealed record DateFilter(string Key, string Name, string Label, DateOnly? Value);
