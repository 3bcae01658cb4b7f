#!/bin/sh
# Install Debian's chromium (and a CJK font, so Chinese labels render in screenshots) for the
# browser tests in tests/browser.py. Playwright's Python package drives /usr/bin/chromium;
# `playwright install` is never used.
set -eu
if [ -x /usr/bin/chromium ] && fc-list ':lang=zh' | grep -q .; then
    exit 0
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-wqy-microhei
/usr/bin/chromium --version
