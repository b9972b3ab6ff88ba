#!/usr/bin/env bash
# Installs the real FTP servers the integration tests and benchmarks run against.
#   vsftpd     installed as a Debian package (/usr/sbin/vsftpd)
#   pure-ftpd  extracted, not installed, because its package conflicts with vsftpd's:
#              binary at $QMODEM_PEERS_DIR/pure-ftpd/usr/sbin/pure-ftpd
#   curl, socat  used by the benchmarks and the README examples
#   python3-serial, picocom  the host programs the PTY tests drive the module with
#   chromium, chromium-driver  the headless browser the web inspector's tests drive (Selenium WebDriver)
# Idempotent and quick when everything is present; safe with CI=true and no stdin.
set -euo pipefail

PEERS_DIR="${QMODEM_PEERS_DIR:-/opt/qmodem-peers}"
PURE_DIR="$PEERS_DIR/pure-ftpd"
export DEBIAN_FRONTEND=noninteractive

if [[ $(id -u) -ne 0 ]]; then
  echo "install-peers: must run as root (apt-get, dpkg-deb into $PEERS_DIR)" >&2
  exit 1
fi

apt_updated=no
apt_update_once() {
  if [[ $apt_updated == no ]]; then
    echo "install-peers: apt-get update"
    apt-get update -qq </dev/null
    apt_updated=yes
  fi
}

package_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true) == "install ok installed" ]]
}

apt_install() {
  local missing=()
  for package in "$@"; do
    package_installed "$package" || missing+=("$package")
  done
  if ((${#missing[@]} == 0)); then
    echo "install-peers: present: $*"
    return
  fi
  apt_update_once
  echo "install-peers: apt-get install ${missing[*]}"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
}

# Removing pure-ftpd first matters only on a machine where someone installed it: the two
# packages conflict and apt would otherwise refuse or remove one of them silently.
if package_installed pure-ftpd && ! package_installed vsftpd; then
  echo "install-peers: removing installed pure-ftpd package (conflicts with vsftpd; we use an extracted copy)"
  apt-get remove -y -qq pure-ftpd </dev/null >/dev/null
fi

apt_install vsftpd libsodium23 curl socat python3-serial picocom chromium chromium-driver

if [[ -x $PURE_DIR/usr/sbin/pure-ftpd ]]; then
  echo "install-peers: present: $PURE_DIR/usr/sbin/pure-ftpd"
else
  apt_update_once
  work=$(mktemp -d)
  chmod 755 "$work"  # apt downloads as user _apt
  trap 'rm -rf "$work"' EXIT
  echo "install-peers: apt-get download pure-ftpd"
  (cd "$work" && apt-get download -qq pure-ftpd </dev/null)
  mkdir -p "$PURE_DIR"
  dpkg-deb -x "$work"/pure-ftpd_*.deb "$PURE_DIR"
  echo "install-peers: extracted pure-ftpd to $PURE_DIR"
fi

"$PURE_DIR/usr/sbin/pure-ftpd" --help >/dev/null 2>&1 || {
  echo "install-peers: $PURE_DIR/usr/sbin/pure-ftpd does not run" >&2
  exit 1
}
echo "install-peers: ready (vsftpd $(dpkg-query -W -f='${Version}' vsftpd), pure-ftpd at $PURE_DIR/usr/sbin/pure-ftpd)"
