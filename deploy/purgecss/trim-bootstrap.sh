#!/bin/sh
# Regenerates the trimmed Bootstrap and Bootstrap Icons stylesheets the pages load
# (*.trimmed.min.css) from the full *.min.css beside them: PurgeCSS (pinned) drops the
# selectors no template, script or form of ours uses (Lighthouse counted 42 KiB of
# them); purgecss.config.cjs says what is kept. Each stays in its folder, so the
# icons' relative font URLs still resolve. Run it from anywhere in the repository
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
# PurgeCSS keeps each licence banner at the top.
for name in bootstrap bootstrap-icons; do
    mv "$out/$name.min.css" "static/vendor/$name/$name.trimmed.min.css"
    wc -c "static/vendor/$name/$name.min.css" "static/vendor/$name/$name.trimmed.min.css"
done
