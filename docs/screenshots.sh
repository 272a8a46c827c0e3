#!/usr/bin/env bash
# Refreshes the post-mortem screenshots in docs/img/ from the realistic fixture incident (several alertnames,
# acknowledged, mitigated and resolved within the hour, plus one alert from three days before):
#   docs/img/postmortem.png       the HTML draft, light
#   docs/img/postmortem-dark.png  the same page in dark mode
#   docs/img/postmortem-print.png the same page as Chromium prints it (print stylesheet), first two A4 pages
#   docs/img/console-*.png        the web console's pages (ConsoleBrowserTest takes them)
# Needs Debian's chromium (apt-get install chromium). Usage: docs/screenshots.sh  (MVN_FLAGS="-o -q" by default)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null 2>&1 || { echo "screenshots: needs chromium (apt-get install chromium)" >&2; exit 1; }
MVN_FLAGS=${MVN_FLAGS:--o -q}
# shellcheck disable=SC2086
mvn $MVN_FLAGS -pl bot -am test-compile -DskipTests
# shellcheck disable=SC2086
mvn $MVN_FLAGS -pl bot dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/screenshots-cp.txt
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
java -cp "bot/target/test-classes:bot/target/classes:$(cat bot/target/screenshots-cp.txt)" \
  dev.firebreak.postmortem.DraftPreview "$out"

shot() { # shot <png> <width,height> [extra chromium flags...]
  local png=$1 size=$2
  shift 2
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d -p "$out")" --hide-scrollbars \
    --window-size="$size" "$@" --screenshot="$png" "file://$out/realistic.html" >/dev/null 2>&1
}
shot docs/img/postmortem.png 1000,1620
shot docs/img/postmortem-dark.png 1000,1620 --force-dark-mode --blink-settings=preferredColorScheme=0
timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$(mktemp -d -p "$out")" --no-pdf-header-footer \
  --print-to-pdf="$out/print.pdf" "file://$out/realistic.html" >/dev/null 2>&1
# the printed PDF's first pages as PNG, drawn by PDFBox (already on the test classpath)
java -cp "$(cat bot/target/screenshots-cp.txt)" docs/PdfPages.java "$out/print.pdf" docs/img/postmortem-print.png 2 60
ls -l docs/img/postmortem*.png
# The web console's pages (docs/img/console-*.png), taken by the browser test in the real headless Chromium.
# shellcheck disable=SC2086
mvn $MVN_FLAGS -pl bot verify -Dtest=ConsoleBrowserTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfirebreak.screenshots="$PWD/docs/img"
ls -l docs/img/console-*.png
