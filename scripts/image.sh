#!/usr/bin/env bash
# Builds qmodem's container image with neither a Docker daemon nor a registry, then proves that it runs:
#   scripts/image.sh
# The image is Jib's (mvn -Pimage) on an empty base (scratch) instead of the profile's registry base: a jlink'd Java
# runtime and the C libraries it loads go in as an extra directory. Jib writes cli/target/jib-image.tar
# (docker load / podman load); the script unpacks its layers into cli/target/image-fs and runs the image's command
# there under chroot with `--version`. Needs root (chroot, mounting /proc) and a JDK with jlink (the launcher's).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' qmodem)
export JAVA_HOME=$(find_jdk)
extra=cli/target/image-root
fs=cli/target/image-fs

# what jdeps finds in qmodem and its libraries, plus what they load by reflection
modules=java.base,java.desktop,java.instrument,java.logging,java.naming,java.net.http,java.security.jgss
modules+=,java.security.sasl,java.sql,jdk.management,jdk.unsupported,jdk.zipfs
rm -rf "$extra" "$fs"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive --output "$extra/opt/java"
# the C libraries the runtime links; AWT's X11 ones are left out: qmodem runs headless
find "$extra/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
    | grep -Ev 'awt|jsound|splash|fontmanager|lcms|mlib|javajpeg|freetype' \
    | while read -r elf; do ldd "$elf" 2>/dev/null | grep -o '/[^ ]*' | grep -v "^$root/$extra" || true; done \
    | sort -u | while read -r lib; do mkdir -p "$extra$(dirname "$lib")"; cp -L "$lib" "$extra$lib"; done

mvn -B -q -Pimage -pl cli -am package -DskipTests -Djib.disableUpdateChecks=true -Djib.from.image=scratch \
    -Djib.extraDirectories.paths="$root/$extra" \
    "-Djib.extraDirectories.permissions=/opt/java/bin/*=755,/opt/java/lib/*=755,/lib64/*=755,/lib/x86_64-linux-gnu/*=755" \
    "-Djib.container.environment=PATH=/opt/java/bin,XDG_DATA_HOME=/work/data"

# the proof: the image's layers, in order, make a root where the image's own command starts
mkdir -p "$fs"
python3 - "$root/cli/target/jib-image.tar" "$root/$fs" <<'EOF'
import json, sys, tarfile
image, into = sys.argv[1], sys.argv[2]
with tarfile.open(image) as outer:
    manifest = json.load(outer.extractfile("manifest.json"))[0]
    for layer in manifest["Layers"]:
        with tarfile.open(fileobj=outer.extractfile(layer)) as tar:
            tar.extractall(into, filter="tar")
    config = json.load(outer.extractfile(manifest["Config"]))["config"]
with open(into + "/.image-command", "w") as out:
    out.write("\0".join(config["Entrypoint"]) + "\n" + "\0".join(config["Env"]))
EOF
mapfile -d '' -t command < <(head -n1 "$fs/.image-command" | tr -d '\n')
mapfile -d '' -t environment < <(tail -n1 "$fs/.image-command")
mkdir -p "$fs/proc" "$fs/tmp" "$fs/work"
mount -t proc proc "$fs/proc"
trap 'umount "$root/$fs/proc"' EXIT
chroot=$(command -v chroot)
version=$(env -i "${environment[@]}" "$chroot" "$fs" "${command[@]}" --version)
echo "image cli/target/jib-image.tar ($(du -h cli/target/jib-image.tar | cut -f1)) runs: $version"
