using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Xml;

namespace Beian.Core.Apps.Packages;

/// <summary>
/// Thrown inside the package readers when a package is malformed or does not verify; its message is the Chinese
/// text for the applicant. The public readers turn it into a failed <see cref="PackageReading{T}"/>, so it never
/// leaves the library.
/// </summary>
internal sealed class PackageFormatException(string message) : Exception(message)
{
    /// <summary>
    /// Runs <paramref name="read"/>, turning what the framework's parsers (ZIP, CMS, X.509, ASN.1, XML, I/O past the end)
    /// throw on malformed input into a <see cref="PackageFormatException"/> with <paramref name="message"/>.
    /// A <see cref="PackageFormatException"/> thrown inside passes unchanged, keeping its more precise message.
    /// </summary>
    public static T Guard<T>(string message, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsMalformedInput(e))
        {
            throw new PackageFormatException(message);
        }
    }

    private static bool IsMalformedInput(Exception e) =>
        e is InvalidDataException or IOException or NotSupportedException
            or CryptographicException or AsnContentException or XmlException;
}
