#!/bin/sh
# Regenerates static/vendor/bootstrap/bootstrap.trimmed.min.css, the Bootstrap the
# pages load, from the full bootstrap.min.css beside it: PurgeCSS (pinned) drops the
# selectors no template, script or form of ours uses (Lighthouse counted 42 KiB of
# them); purgecss.config.cjs says what is kept. Run it from anywhere in the repository
# after using a Bootstrap class the pages did not use before, look at the pages
# (tests/browser), and commit the result. Needs Node (npx) and the project's venv.
set -eu
cd "$(dirname "$0")/../.."
PYTHON="${PYTHON:-.venv/bin/python}"
SITE_PACKAGES="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
export SITE_PACKAGES
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
npx --yes purgecss@6.0.0 --config deploy/purgecss/purgecss.config.cjs --output "$out"
# PurgeCSS keeps Bootstrap's licence banner at the top.
mv "$out/bootstrap.min.css" static/vendor/bootstrap/bootstrap.trimmed.min.css
wc -c static/vendor/bootstrap/bootstrap.min.css static/vendor/bootstrap/bootstrap.trimmed.min.css
