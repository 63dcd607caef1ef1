#!/usr/bin/env bash
# Builds the sample packages the package reader tests read, with the real Android tools, and writes
# what those tools say about them into expected.txt.
#
# Needs the Debian packages aapt, zipalign, apksigner, android-framework-res, openssl, a JRE (keytool)
# and python3 (standard library only). Run it from anywhere; it writes beside itself.
#
# Idempotent: the keystores under keys/ are made once and committed; everything else is rebuilt from
# them. RSA signatures are deterministic, so the RSA samples come out byte for byte the same on every
# run; ECDSA and DSA signatures are randomised, so those two APKs differ (and still carry the same
# certificate and facts).
set -euo pipefail
export LC_ALL=C TZ=UTC

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
framework=/usr/share/android-framework-res/framework-res.apk
storepass=beian-test   # test keys only: they sign nothing but these samples
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- keys --------------------------------------------------------------------------------------
make_key() { # name keytool-options...
  local name=$1; shift
  [[ -f keys/$name.p12 ]] && return
  keytool -genkeypair -keystore "keys/$name.p12" -storetype PKCS12 -storepass "$storepass" \
    -alias "$name" -startdate "2026/01/01 00:00:00" -validity 10000 "$@"
}
mkdir -p keys
make_key rsa-2048 -keyalg RSA -keysize 2048 -dname "CN=Beian Test RSA, OU=Testing, O=Beian Demo, L=Beijing, ST=Beijing, C=CN"
make_key rsa-4096 -keyalg RSA -keysize 4096 -dname "CN=Beian Test RSA 4096, O=Beian Demo, C=CN"
make_key ec-p256 -keyalg EC -groupname secp256r1 -dname "CN=Beian Test EC, O=Beian Demo, C=CN"
make_key dsa-2048 -keyalg DSA -keysize 2048 -dname "CN=Beian Test DSA, O=Beian Demo, C=CN"

# --- the unsigned APK ---------------------------------------------------------------------------
cat > "$work/AndroidManifest.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    package="cn.gov.beian.demo"
    android:versionCode="42"
    android:versionName="1.4.2">
    <uses-sdk android:minSdkVersion="21" android:targetSdkVersion="29" />
    <application android:label="备案示例" />
</manifest>
XML
mkdir -p "$work/assets"
printf 'hello beian\n' > "$work/assets/hello.txt"
# -0 txt stores the asset uncompressed, so the tampered sample can change one of its bytes.
aapt package -f -M "$work/AndroidManifest.xml" -A "$work/assets" -0 txt -I "$framework" -F "$work/raw.apk"
zipalign -f 4 "$work/raw.apk" unsigned.apk

# --- signed APKs --------------------------------------------------------------------------------
sign() { # output key v1 v2 v3 [more apksigner options]
  local out=$1 key=$2 v1=$3 v2=$4 v3=$5; shift 5
  apksigner sign --ks "keys/$key.p12" --ks-pass "pass:$storepass" --ks-key-alias "$key" \
    --v1-signing-enabled "$v1" --v2-signing-enabled "$v2" --v3-signing-enabled "$v3" --v4-signing-enabled false \
    "$@" --out "$out" unsigned.apk
}
# --min-sdk-version 14 makes the v1 signature use SHA-1 (JAR signing for Android before 4.3).
sign v1-rsa.apk rsa-2048 true false false --min-sdk-version 14
sign v2-rsa.apk rsa-2048 false true false
sign v2v3-rsa.apk rsa-2048 false true true --min-sdk-version 24
sign v1v2-ec.apk ec-p256 true true false
sign v1v2-dsa.apk dsa-2048 true true false
sign v2-rsa4096.apk rsa-4096 false true false

# The tampered copy: one byte of assets/hello.txt ("hello" becomes "jello") after signing.
python3 - v2-rsa.apk tampered-v2-rsa.apk <<'PY'
import sys
data = bytearray(open(sys.argv[1], 'rb').read())
at = data.index(b'hello beian\n')
data[at] = ord('j')
open(sys.argv[2], 'wb').write(data)
PY

# --- IPAs ---------------------------------------------------------------------------------------
python3 - <<'PY'
import plistlib, zipfile
info = {
    'CFBundleIdentifier': 'cn.gov.beian.demo',
    'CFBundleShortVersionString': '2.3.0',
    'CFBundleVersion': '230',
    'CFBundleDisplayName': '备案示例',
    'CFBundleName': 'Demo',
    'MinimumOSVersion': '13.0',
    'CFBundleSupportedPlatforms': ['iPhoneOS'],
    'UIDeviceFamily': [1, 2],
    'LSRequiresIPhoneOS': True,
    'UIRequiredDeviceCapabilities': {'arm64': True},
}
def ipa(name, plist, fmt):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        for entry, data in [('Payload/', b''), ('Payload/Demo.app/', b''),
                            ('Payload/Demo.app/Info.plist', plistlib.dumps(plist, fmt=fmt, sort_keys=True)),
                            ('Payload/Demo.app/Demo', b'\xcf\xfa\xed\xfe not really a Mach-O')]:
            z.writestr(zipfile.ZipInfo(entry, date_time=(2026, 1, 1, 0, 0, 0)), data)
ipa('binary-plist.ipa', info, plistlib.FMT_BINARY)
ipa('xml-plist.ipa', info, plistlib.FMT_XML)
ipa('no-bundle-id.ipa', {k: v for k, v in info.items() if k != 'CFBundleIdentifier'}, plistlib.FMT_BINARY)
PY

# --- check the samples with apksigner itself ----------------------------------------------------
# The manifest says minSdkVersion 21, for which apksigner also wants a v1 signature; the APKs signed
# without one are checked for Android 7.0 (API 24) and later, where v2/v3 alone suffice.
verify_options() { # apk
  case $1 in v2-*|v2v3-*|tampered-*) echo --min-sdk-version 24;; esac
}
for apk in v1-rsa v2-rsa v2v3-rsa v1v2-ec v1v2-dsa v2-rsa4096; do
  apksigner verify $(verify_options $apk) "$apk.apk" || { echo "$apk.apk does not verify" >&2; exit 1; }
done
for apk in unsigned tampered-v2-rsa; do
  if apksigner verify $(verify_options $apk) "$apk.apk" >/dev/null 2>&1; then
    echo "$apk.apk verifies but must not" >&2; exit 1
  fi
done

# --- expected.txt: what the tools say ----------------------------------------------------------
# The subjectPublicKey bit string of a certificate, upper-case hex (openssl exports the
# SubjectPublicKeyInfo, python takes its second element apart).
public_key_bits() {
  openssl x509 -noout -pubkey -in "$1" | openssl pkey -pubin -outform DER | python3 -c '
import sys
der = sys.stdin.buffer.read()
def element(at):
    length, start = der[at + 1], at + 2
    if length & 0x80:
        count = length & 0x7f
        length, start = int.from_bytes(der[start:start + count], "big"), start + count
    return start, length
start, _ = element(0)                 # SubjectPublicKeyInfo SEQUENCE
algorithm, length = element(start)    # AlgorithmIdentifier
bits, length = element(algorithm + length)
print(der[bits + 1:bits + length].hex().upper())   # skip the unused-bits byte'
}

run() { echo "\$ $*" | sed "s|$work/||g"; { "$@" 2>&1 || true; } | sed "s|$work/||g"; echo; }

{
  echo "# What the real tools say about the samples; written by make-samples.sh, read by the tests."
  echo
  for key in rsa-2048 rsa-4096 ec-p256 dsa-2048; do
    keytool -exportcert -rfc -keystore "keys/$key.p12" -storepass "$storepass" -alias "$key" -file "$work/$key.crt" 2>/dev/null
    echo "### key $key"
    run keytool -printcert -file "$work/$key.crt"
    run openssl x509 -noout -subject -dates -fingerprint -md5 -in "$work/$key.crt"
    [[ $key == rsa-* ]] && run openssl x509 -noout -modulus -in "$work/$key.crt"
    echo "\$ public_key_bits $key.crt  # openssl pkey -pubin -outform DER, the BIT STRING's content"
    echo "PublicKeyBits=$(public_key_bits "$work/$key.crt")"
    echo
  done
  for apk in v1-rsa v2-rsa v2v3-rsa v1v2-ec v1v2-dsa v2-rsa4096 unsigned tampered-v2-rsa; do
    echo "### apk $apk.apk"
    run aapt dump badging "$apk.apk"
    run apksigner verify $(verify_options $apk) --print-certs -v "$apk.apk"
    case $apk in v1-*|v1v2-*) run keytool -printcert -jarfile "$apk.apk";; esac
  done
  for ipa in binary-plist xml-plist no-bundle-id; do
    echo "### ipa $ipa.ipa"
    echo "\$ python3 plistlib.load(Payload/Demo.app/Info.plist)"
    python3 - "$ipa.ipa" <<'PY'
import plistlib, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    info = plistlib.loads(z.read('Payload/Demo.app/Info.plist'))
for key in ['CFBundleIdentifier', 'CFBundleShortVersionString', 'CFBundleVersion', 'CFBundleDisplayName', 'CFBundleName', 'MinimumOSVersion']:
    print(f'{key}={info.get(key, "")}')
PY
    echo
  done
} > expected.txt
echo "samples written to $here"
