#!/usr/bin/env bash
# Builds a libFuzzer target with `swiftc -sanitize=fuzzer,address` and runs it.
#
#   Fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
#   Fuzz/run.sh list
#
# TARGET is one of Fuzz/Targets/*.swift (loader, ingest, keys, quotebank, timelinejs, config). The
# package's modules are built by SwiftPM into .build/fuzz with the same sanitizer flags (so
# their code is instrumented for coverage), then the target is compiled and linked against
# their objects with swiftc. It runs for SECONDS (default 60) on Fuzz/corpus/TARGET (the seed
# corpus, kept in the repository) plus a scratch corpus .build/fuzz/corpus/TARGET (new inputs
# go there), with the dictionary Fuzz/dict/TARGET.dict when there is one. Crashes and slow
# inputs are written to .build/fuzz/artifacts/TARGET/; once fixed, copy them into
# Tests/Regression/TARGET/ so `swift test` replays them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${1:?usage: Fuzz/run.sh TARGET [SECONDS] [libFuzzer flags...] (Fuzz/run.sh list)}
if [ "$target" = list ]; then
  ls Fuzz/Targets | sed 's/\.swift$//'
  exit 0
fi
seconds=${2:-60}
shift $(($# < 2 ? $# : 2))
source_file=Fuzz/Targets/$target.swift
[ -f "$source_file" ] || { echo "run.sh: no target $target (Fuzz/run.sh list)" >&2; exit 2; }

build=$root/.build/fuzz
# The executable's entry point is renamed (as `swift test` does) so its objects link beside
# libFuzzer's main: the config target tests code of the `dateline` executable.
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing
  -Xswiftc -Xfrontend -Xswiftc -entry-point-function-name -Xswiftc -Xfrontend -Xswiftc dateline_main)
case $target in
  loader | quotebank) modules=(DatelineModel) ;;
  ingest) modules=(DatelineIngest) ;;
  timelinejs) modules=(DatelineExport) ;;
  keys) modules=(DatelineUI DatelineTerminal) ;;
  config) modules=(dateline) ;;
  *) modules=(DatelineModel DatelineIngest DatelineExport DatelineTerminal) ;;
esac
for module in "${modules[@]}"; do
  swift build -c release --build-path "$build" --target "$module" "${flags[@]}" 2>&1 \
    | grep -E "error:" || true
done
products=$build/release
modules_dir=$products/Modules
[ -d "$modules_dir" ] || modules_dir=$products
# Every object file SwiftPM built (our modules, GRDB, ...), except executables' mains.
# Every object file SwiftPM built (our modules, GRDB, ...), except executables' mains; the
# executable and its argument parser only for the config target.
exclude=(! -path '*/dateline_bench.build/*' ! -path '*Tests.build/*' ! -path '*-tool.build/*'
  ! -path '*/generate_*' ! -name 'main.swift.o')
[ "$target" = config ] || exclude+=(! -path '*/dateline.build/*' ! -path '*/ArgumentParser*')
mapfile -t found < <(find "$products/" -name '*.o' -path '*.build/*' "${exclude[@]}")
# An object whose source file is gone (renamed or deleted since an earlier build) stays in the
# build folder and would define its symbols twice: keep only objects the module's `sources` lists.
objects=()
for object in "${found[@]}"; do
  sources=$(dirname "$object")/sources
  name=$(basename "$object" .o)
  if [ -f "$sources" ] && ! grep -qF "/$name" "$sources"; then continue; fi
  objects+=("$object")
done
binary=$build/fuzz-$target
ncurses=$(pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw)
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name Fuzz"$target" \
  -I "$modules_dir" -I "$root/Sources/CNcursesw" \
  -I "$build/checkouts/GRDB.swift/Sources/GRDBSQLite" \
  "$source_file" "${objects[@]}" -lsqlite3 $ncurses -lstdc++ -o "$binary"

corpus=$build/corpus/$target
artifacts=$build/artifacts/$target
mkdir -p "$corpus" "$artifacts" "Fuzz/corpus/$target"
dict=()
[ -f "Fuzz/dict/$target.dict" ] && dict=(-dict="Fuzz/dict/$target.dict")
echo "run.sh: fuzzing $target for $seconds s (binary $binary)"
exec "$binary" "$corpus" "Fuzz/corpus/$target" "${dict[@]}" -max_total_time="$seconds" \
  -artifact_prefix="$artifacts/" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$@"
