#!/usr/bin/env bash
# Loads a TimelineJS3 export into TimelineJS3 itself in headless Chromium and prints what it made
# of it: slides built, markers drawn, groups, display dates, configuration errors and any script
# error. A development check (CI checks the export's structure instead).
#
#   scripts/check-timelinejs.sh TIMELINEJS3_GIT_DIR EXPORT.json
#
# TIMELINEJS3_GIT_DIR is a clone of NUKnightLab/TimelineJS3 (its history holds the compiled
# library, which is not copied into this repository); needs Debian's chromium and python3.
set -euo pipefail
repo=${1:?usage: $0 TIMELINEJS3_GIT_DIR EXPORT.json}
export_file=${2:?usage: $0 TIMELINEJS3_GIT_DIR EXPORT.json}
commit=3945a6c1  # April 2020: the last commit with compiled/ checked in
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git --git-dir="$repo" show "$commit:compiled/js/timeline.js" > "$work/timeline.js" 2>/dev/null \
  || git -C "$repo" show "$commit:compiled/js/timeline.js" > "$work/timeline.js"
git --git-dir="$repo" show "$commit:compiled/css/timeline.css" > "$work/timeline.css" 2>/dev/null \
  || git -C "$repo" show "$commit:compiled/css/timeline.css" > "$work/timeline.css"
cp "$export_file" "$work/data.json"
cat > "$work/index.html" <<'HTML'
<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="timeline.css">
<script src="timeline.js"></script></head><body>
<div id="tl" style="width:1000px;height:600px"></div><pre id="report"></pre>
<script>
var errors = [];
window.onerror = function(m, s, l) { errors.push("onerror: " + m + " " + s + ":" + l); };
console.error = function() { errors.push("console.error: " + Array.prototype.join.call(arguments, " ")); };
var xhr = new XMLHttpRequest(); xhr.open("GET", "data.json", false); xhr.send();
var data = JSON.parse(xhr.responseText);
var t = new TL.Timeline("tl", data, {script_path: "./"});
setTimeout(function() {
  var texts = function(selector) {
    return Array.prototype.map.call(document.querySelectorAll(selector), function(e) { return e.textContent; });
  };
  var report = {
    events: data.events.length, configEvents: t.config.events.length,
    slides: document.querySelectorAll(".tl-slide").length,
    markers: document.querySelectorAll(".tl-timemarker").length,
    groups: texts(".tl-timegroup-message"),
    configErrors: ((t.config.messages || {}).errors || []).map(JSON.stringify),
    displayDates: texts(".tl-slide .tl-headline-date"),
    errors: errors
  };
  document.getElementById("report").textContent = "REPORT " + JSON.stringify(report);
}, 4000);
</script></body></html>
HTML
chromium --headless --no-sandbox --disable-gpu --allow-file-access-from-files --dump-dom \
  --virtual-time-budget=8000 "file://$work/index.html" 2>/dev/null \
  | python3 -c '
import html, json, re, sys
found = re.search(r"REPORT (\{.*?\})</pre>", sys.stdin.read(), re.S)
if not found:
    sys.exit("no report: the page did not run")
report = json.loads(html.unescape(found.group(1)))
print(json.dumps(report, indent=1, ensure_ascii=False))
ok = (report["configEvents"] == report["events"] and report["slides"] == report["events"] + 1
      and report["markers"] == report["events"] and not report["configErrors"] and not report["errors"])
print("ok: every slide loaded, no errors" if ok else "FAILED")
sys.exit(0 if ok else 1)'
