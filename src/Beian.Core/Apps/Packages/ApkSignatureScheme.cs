namespace Beian.Core.Apps.Packages;

/// <summary>The APK signing schemes the platform verifies (v4 lives in a separate file and never reaches us).</summary>
public enum ApkSignatureScheme
{
    /// <summary>JAR signing: META-INF/*.SF signed by a PKCS#7 block (*.RSA, *.DSA, *.EC).</summary>
    V1,
    /// <summary>APK Signature Scheme v2 (Android 7.0): the APK Signing Block, block id 0x7109871a.</summary>
    V2,
    /// <summary>APK Signature Scheme v3 (Android 9): the APK Signing Block, block id 0xf05368c0; allows key rotation.</summary>
    V3,
}
