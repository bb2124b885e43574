#!/usr/bin/env bash
# Rebuilds eng/feed/librdkafka.redist.1.9.2.nupkg from the nuspec beside this script.
# A nupkg is a zip; writing it directly avoids needing nuget.exe or a throwaway project.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../feed/librdkafka.redist.1.9.2.nupkg"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/librdkafka.redist.nuspec" "$here/README.md" "$tmp/"
cat > "$tmp/[Content_Types].xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="nuspec" ContentType="application/octet" /><Default Extension="md" ContentType="application/octet" /></Types>
XML
rm -f "$out"
(cd "$tmp" && python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED); [z.write(f) for f in sys.argv[2:]]" "$out" librdkafka.redist.nuspec README.md '[Content_Types].xml')
echo "wrote $out"
