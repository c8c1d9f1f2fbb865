#!/bin/sh
# Installs streamlab from this kit (Linux, macOS): sh install.sh [--to DIR] [--no-doctor]
# It unpacks the distribution into a temporary folder only to run its 'streamlab kit install', which checks every file of
# the kit against CHECKSUMS, installs into ~/streamlab (or --to DIR), loads the Kafka image if Docker answers, and runs
# 'streamlab doctor'. No network is needed. Needs Java 17+, except on Linux x86-64 when the kit has the image with its
# own Java runtime.
set -eu
kit="$(cd "$(dirname "$0")" && pwd)"
archive=""
if [ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ]; then
  for f in "$kit"/streamlab-*-linux-x64.tar.gz; do [ -f "$f" ] && archive="$f"; done
fi
if [ -z "$archive" ]; then
  for f in "$kit"/streamlab-*.tar.gz; do case "$f" in *-linux-x64.tar.gz) ;; *) [ -f "$f" ] && archive="$f" ;; esac; done
fi
if [ -z "$archive" ]; then
  echo "This kit has no streamlab-VERSION.tar.gz: copy the whole kit folder again." >&2
  exit 2
fi
tmp="$(mktemp -d "${TMPDIR:-/tmp}/streamlab-kit.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
if ! tar -xzf "$archive" -C "$tmp" 2>/dev/null; then
  echo "$(basename "$archive") cannot be unpacked (a damaged copy?): copy it from the kit again." >&2
  exit 3
fi
# The temporary copy runs once: no class data sharing archive for it.
STREAMLAB_CDS=off "$tmp"/streamlab-*/bin/streamlab kit install "$kit" "$@"
