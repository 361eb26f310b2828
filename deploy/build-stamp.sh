# Sourced by deploy/run-local and benchmarks/run-backfill: they build the jars they run only when the sources changed
# since their last build, each with a stamp file of its own (they build different modules).

# source_stamp ROOT: a hash of the sources the jars are built from, as they are now: the content of every file git
# tracks or would add (ignored ones left out), in the build's files and every module of the repository (-am may need
# any of them). Empty outside a git checkout (a downloaded archive): then it always builds.
source_stamp() {
  local root="$1"
  git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1 || return 0
  local paths=(pom.xml .mvn mvnw $(git -C "$root" ls-files -- '*/pom.xml' | xargs -n1 dirname | sort -u))
  # The files' content, not what git has staged or committed: `git add` or a commit of unchanged content is no
  # change (hashing the index and the diff, it was, and cost a build). A tracked file deleted from the work tree
  # drops out of the list (sha1sum skips it).
  (cd "$root" && git ls-files -z --cached --others --exclude-standard -- "${paths[@]}" | sort -zu \
     | xargs -0 -r sha1sum 2>/dev/null || true) | sha256sum | cut -d' ' -f1
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
