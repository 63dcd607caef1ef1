using System.Diagnostics.CodeAnalysis;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// What reading an uploaded package gave: the package, or (never both) a Chinese message for the applicant
/// saying why it was refused (see <see cref="PackageMessages"/>).
/// </summary>
public sealed record PackageReading<T>(T? Package, string? Error) where T : class
{
    [MemberNotNullWhen(true, nameof(Package))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Package != null;

    internal static PackageReading<T> Success(T package) => new(package, null);

    internal static PackageReading<T> Failure(string error) => new(null, error);
}
