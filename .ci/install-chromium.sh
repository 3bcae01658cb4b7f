#!/bin/sh
# Install Debian's chromium (and a CJK font, so Chinese labels render in screenshots) for the
# browser tests in tests/browser.py. Playwright's Python package drives /usr/bin/chromium;
# `playwright install` (a download of its own browser) is never used.
set -eu
if [ -x /usr/bin/chromium ] && fc-list ':lang=zh' 2>/dev/null | grep -q .; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "Error: installing chromium needs root: run this script as root or install sudo." >&2
    exit 1
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium fonts-wqy-microhei
/usr/bin/chromium --version
