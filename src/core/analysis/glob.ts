// Include/ignore globs from the configuration. picomatch's POSIX build is plain JavaScript with no
// Node built-ins, so it bundles for the browser too. Paths are relative (to the config file's folder
// in the CLI, to the workspace folder in the editor, which rebases a nested config's anchored globs
// with config/merge.ts) and compared with forward slashes. A glob
// matches at any depth ("docs/*.md" matches "guide/docs/a.md") unless it starts with "/" or "./",
// and a glob naming a folder matches every file below it, as in .gitignore.
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
  if (unanchored(glob).replace(/\/+$/, '') === '') return 'it names no file or folder';
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

/** The glob without the "/" or "./" that anchors it at the top. */
const unanchored = (glob: string): string => glob.replace(/^\.?\/+/, '');

/**
 * The glob as a folder above reads it: "/archive/**" of a config file in "docs" is
 * "/docs/archive/**" for the workspace folder. A glob matching at any depth reads the same.
 */
export function globFromFolder(glob: string, folder: string): string {
  const anchored = unanchored(glob);
  return anchored === glob || folder === '' ? glob : `/${folder.replace(/^\/+|\/+$/g, '')}/${anchored}`;
}

function compile(glob: string): (path: string) => boolean {
  let matcher = compiled.get(glob);
  if (!matcher) {
    if (compiled.size >= MAX_COMPILED_GLOBS) compiled.clear();
    // As in .gitignore: a glob also names a folder and so every file below it ("archive",
    // "archive/"), and one starting with "/" or "./" matches only from the top ("/archive/**").
    const named = unanchored(glob).replace(/\/+$/, '');
    // A "/" at the end names a folder only: "docs/*/" is not "docs/plan.md".
    const here = glob.endsWith('/') ? [`${named}/**`] : [named, `${named}/**`];
    const anchored = unanchored(glob) !== glob;
    const patterns = anchored || named.startsWith('**') ? here : [...here, ...here.map((form) => `**/${form}`)];
    // Extglobs ("+(a|aa)") are nested quantifiers once compiled; they are read as plain characters.
    matcher = globProblem(glob) ? matchesNothing : picomatch(patterns, { dot: true, noextglob: true });
    compiled.set(glob, matcher);
  }
  return matcher;
}

export function matchesGlob(path: string, glob: string): boolean {
  return compile(glob)(path.replace(/\\/g, '/'));
}
