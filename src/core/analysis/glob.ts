// Include/ignore globs from the configuration. picomatch's POSIX build is plain JavaScript with no
// Node built-ins, so it bundles for the browser too. Paths are compared with forward slashes; a
// glob also matches at any depth ("docs/*.md" matches "/repo/docs/a.md"), and one ending in "/"
// matches everything below the folder, as in .gitignore.
import picomatch from 'picomatch/posix';

/**
 * Compiled globs by glob. Compiling is a pure function of the glob, so the cache is shared; it is
 * bounded because configurations change while an editor runs.
 */
const compiled = new Map<string, (path: string) => boolean>();
const MAX_COMPILED_GLOBS = 256;

/** Longer globs are not written by people; picomatch compiles them into regexes V8 may reject. */
const MAX_GLOB_LENGTH = 500;
/** Wildcards in one path segment: picomatch's regex backtracks in time (name length)^(wildcards). */
const MAX_SEGMENT_WILDCARDS = 3;
/** "**" in one glob, for the same reason across directories. */
const MAX_GLOBSTARS = 4;

/**
 * Why a glob is refused, or undefined when it is safe to compile. A configuration comes from the
 * workspace, which may be untrusted: "*a*a*a*a*a*a*a*a*a*a*a*a*b" against a 40-letter file name
 * ran for minutes.
 */
export function globProblem(glob: string): string | undefined {
  // As in .gitignore, "!README.md" reads as "put back README.md"; picomatch reads it as "every file
  // but README.md", which would ignore (or include) everything else without a word.
  if (glob.startsWith('!')) return 'a leading "!" would match every file but the one named; list the files to match instead';
  // In .gitignore, "/build" anchors at the config's folder. The editor and the CLI match paths
  // relative to different folders (the workspace's, the config file's), so an anchor would mean
  // two things; unrefused it matched nothing at all.
  if (glob.startsWith('/')) return `a leading "/" matches nothing, since globs match below any folder; write "${glob.replace(/^\/+/, '')}"`;
  if (glob.length > MAX_GLOB_LENGTH) return `longer than ${MAX_GLOB_LENGTH} characters`;
  if ((glob.match(/\*\*/g)?.length ?? 0) > MAX_GLOBSTARS) return `more than ${MAX_GLOBSTARS} "**"`;
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    const wildcards = segment
      .replace(/\*+/g, '*')
      .split('')
      .filter((char) => char === '*' || char === '?').length;
    if (wildcards > MAX_SEGMENT_WILDCARDS) return `more than ${MAX_SEGMENT_WILDCARDS} "*" or "?" between two "/"`;
  }
  return undefined;
}

const matchesNothing = (): boolean => false;

function compile(glob: string): (path: string) => boolean {
  let matcher = compiled.get(glob);
  if (!matcher) {
    if (compiled.size >= MAX_COMPILED_GLOBS) compiled.clear();
    // "archive/" means the folder's files, which picomatch would read as no file at all.
    const files = glob.endsWith('/') ? `${glob}**` : glob;
    // Extglobs ("+(a|aa)") are nested quantifiers once compiled; they are read as plain characters.
    matcher = globProblem(glob)
      ? matchesNothing
      : picomatch(files.startsWith('**') ? files : [files, `**/${files}`], { dot: true, noextglob: true });
    compiled.set(glob, matcher);
  }
  return matcher;
}

export function matchesGlob(path: string, glob: string): boolean {
  return compile(glob)(path.replace(/\\/g, '/'));
}
