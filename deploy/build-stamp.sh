# Sourced by deploy/run-local and benchmarks/run-backfill: they build the jars they run only when the sources changed
# since their last build, each with a stamp file of its own (they build different modules).

# source_stamp ROOT: a hash of the sources the jars are built from, as they are now: the blobs git tracks (ls-files
# -s), changes not yet staged (diff) and new files not yet added, in the build's files and every module of the
# repository (-am may need any of them). Empty outside a git checkout (a downloaded archive): then it always builds.
source_stamp() {
  local root="$1"
  git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1 || return 0
  local paths=(pom.xml .mvn mvnw $(git -C "$root" ls-files -- '*/pom.xml' | xargs -n1 dirname | sort -u))
  {
    git -C "$root" ls-files -s -- "${paths[@]}"
    git -C "$root" diff --no-ext-diff --binary -- "${paths[@]}"
    (cd "$root" && git ls-files -z -o --exclude-standard -- "${paths[@]}" | xargs -0 -r sha1sum)
  } | sha256sum | cut -d' ' -f1
}

# up_to_date STAMP STAMP_FILE JAR...: whether the last build was of these sources (its stamp, written after it
# succeeded, is STAMP) and left every jar.
up_to_date() {
  local stamp="$1" stamp_file="$2"
  shift 2
  [[ -n "$stamp" && -f "$stamp_file" && "$(cat "$stamp_file")" == "$stamp" ]] || return 1
  local jar
  for jar in "$@"; do [[ -f "$jar" ]] || return 1; done
}
