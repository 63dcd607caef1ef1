#!/usr/bin/env bash
# Builds the sample PDFs that PdfSampleFileTests reads: small hand-written PDFs rewritten by qpdf
# (Debian package qpdf) the way PDF 1.5+ writers save them, with objects compressed into object
# streams and a cross-reference stream, and encrypted copies. Needs qpdf and python3 (standard
# library only). Run it from anywhere; it writes beside itself.
#
# The unencrypted samples come out byte for byte the same on every run (--deterministic-id); the
# encrypted ones differ (random keys and IVs) and read the same.
set -euo pipefail
export LC_ALL=C TZ=UTC

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import sys, os

def pdf(objects):
    """A PDF of these objects (numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)

def stream(dictionary, data):
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

text = b"BT /F1 24 Tf 72 100 Td (Beian sample) Tj ET"
pages = [
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    stream(b"", text),
]
samples = {
    "plain": [b"<< /Type /Catalog /Pages 2 0 R >>"] + pages,
    # The script is an object of its own, so that qpdf puts it into an object stream.
    "javascript": [b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>"] + pages
        + [b"<< /S /JavaScript /JS (app.alert\\('Beian'\\);) >>"],
    "launch": [b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>"] + pages
        + [b"<< /S /Launch /F (calc.exe) >>"],
}
for name, objects in samples.items():
    with open(os.path.join(sys.argv[1], name + ".pdf"), "wb") as f:
        f.write(pdf(objects))
PY

for name in plain javascript launch; do
  qpdf --deterministic-id --object-streams=generate "$work/$name.pdf" "objstm-$name.pdf"
done
# Opens without a password (an owner password restricts editing only), as many issued documents do.
qpdf --object-streams=generate --encrypt "" beian-owner 256 -- \
  "$work/plain.pdf" encrypted-objstm-plain.pdf
qpdf --object-streams=disable --encrypt "" beian-owner 256 -- \
  "$work/plain.pdf" encrypted-plain.pdf
qpdf --object-streams=disable --encrypt "" beian-owner 256 -- \
  "$work/javascript.pdf" encrypted-javascript.pdf
for file in *.pdf; do qpdf --check "$file" >/dev/null; done
ls -l *.pdf
