#!/bin/sh
# Add the BRI S&T Fact Browser to this user's applications menu, or take it out again.
#   ./install.sh              copy this folder to ~/.local/opt/bri-facts; menu entry, icons, command
#   ./install.sh --uninstall  remove them (settings and logs stay)
# No administrator rights needed; nothing outside your home folder is touched.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
target="$HOME/.local/opt/bri-facts"
bin="$HOME/.local/bin"

refresh() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$data/applications" >/dev/null 2>&1 || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" >/dev/null 2>&1 || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/bri-facts.desktop"
  for size in 16 24 32 48 64 128 256 512; do
    rm -f "$data/icons/hicolor/${size}x${size}/apps/bri-facts.png"
  done
  rm -f "$data/icons/hicolor/scalable/apps/bri-facts.svg"
  if [ -L "$bin/bri-facts" ]; then rm -f "$bin/bri-facts"; fi
  rm -rf "$target"
  refresh
  echo "BRI S&T Fact Browser removed."
  exit 0
fi
if [ $# -gt 0 ]; then
  echo "usage: $0 [--uninstall]" >&2
  exit 2
fi

if [ "$here" != "$target" ]; then
  rm -rf "$target.new"
  mkdir -p "$(dirname "$target")"
  cp -a "$here" "$target.new"
  rm -rf "$target"
  mv "$target.new" "$target"
fi
mkdir -p "$data/applications" "$data/icons" "$bin"
sed -e "s|^Exec=bri-facts|Exec=\"$target/bri-facts\"|" -e "s|^TryExec=.*|TryExec=$target/bri-facts|" \
  "$target/bri-facts.desktop" > "$data/applications/bri-facts.desktop"
cp -R "$target/icons/hicolor" "$data/icons/"
ln -sf "$target/bri-facts" "$bin/bri-facts"
refresh
echo "BRI S&T Fact Browser installed in $target: find it in the applications menu,"
echo "or run bri-facts (if $bin is on your PATH) or $target/bri-facts."
