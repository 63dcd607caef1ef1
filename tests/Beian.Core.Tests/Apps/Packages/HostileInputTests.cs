using System.Reflection;
using Beian.Core.Apps.Packages;

namespace Beian.Core.Tests.Apps.Packages;

/// <summary>
/// Mutated real packages (bytes overwritten with random and with hostile values, cut short) never make a reader
/// throw: every one ends in a package or in one of the applicant messages.
/// </summary>
public class HostileInputTests
{
    private const int Mutations = 400;

    private static readonly HashSet<string> Messages = typeof(PackageMessages)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (string)field.GetValue(null)!)
        .ToHashSet();

    [Theory]
    [InlineData("v1-rsa.apk", 1)]
    [InlineData("v2v3-rsa.apk", 2)]
    [InlineData("v1v2-ec.apk", 3)]
    [InlineData("v1v2-dsa.apk", 4)]
    public void Mutated_apks_never_throw(string sample, int seed)
    {
        foreach (var mutated in Mutate(Samples.Bytes(sample), seed))
        {
            AssertReadsOrRefuses(AndroidPackageReader.Read(new MemoryStream(mutated)));
        }
    }

    [Theory]
    [InlineData("binary-plist.ipa", 5)]
    [InlineData("xml-plist.ipa", 6)]
    public void Mutated_ipas_never_throw(string sample, int seed)
    {
        foreach (var mutated in Mutate(Samples.Bytes(sample), seed))
        {
            AssertReadsOrRefuses(IosPackageReader.Read(new MemoryStream(mutated)));
        }
    }

    [Fact]
    public void Mutated_manifests_are_read_or_refused_with_the_manifest_message()
    {
        foreach (var mutated in Mutate(Samples.Entry("unsigned.apk", AndroidPackageReader.ManifestEntryName), seed: 7))
        {
            AssertReadsOrRefuses(PackageMessages.BadAndroidManifest, () => AndroidManifestReader.Read(mutated));
        }
    }

    [Theory]
    [InlineData("binary-plist.ipa", 8)]
    [InlineData("xml-plist.ipa", 9)]
    public void Mutated_plists_are_read_or_refused_with_the_plist_message(string sample, int seed)
    {
        foreach (var mutated in Mutate(Samples.Entry(sample, "Payload/Demo.app/Info.plist"), seed))
        {
            AssertReadsOrRefuses(PackageMessages.BadInfoPlist, () => PropertyList.ReadDictionary(mutated));
        }
    }

    /// <summary>Copies of <paramref name="original"/>, each with a few random bytes, a hostile uint32 or a cut.</summary>
    private static IEnumerable<byte[]> Mutate(byte[] original, int seed)
    {
        var random = new Random(seed);
        uint[] hostile = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, (uint)original.Length, 0xffff];
        for (var i = 0; i < Mutations; i++)
        {
            var copy = original.ToArray();
            var at = random.Next(copy.Length - 4);
            switch (i % 3)
            {
                case 0:
                    for (var n = random.Next(1, 9); n > 0; n--) copy[random.Next(copy.Length)] = (byte)random.Next(256);
                    yield return copy;
                    break;
                case 1:
                    BitConverter.GetBytes(hostile[random.Next(hostile.Length)]).CopyTo(copy, at);
                    yield return copy;
                    break;
                default:
                    yield return copy[..at];
                    break;
            }
        }
    }

    private static void AssertReadsOrRefuses<T>(PackageReading<T> reading) where T : class
    {
        Assert.True(reading.Succeeded ^ reading.Error is not null);
        if (reading.Error is { } error) Assert.Contains(error, Messages);
    }

    private static void AssertReadsOrRefuses(string message, Action read)
    {
        try
        {
            read();
        }
        catch (PackageFormatException e)
        {
            Assert.Equal(message, e.Message);
        }
    }
}
