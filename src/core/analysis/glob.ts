// Include/ignore globs from the configuration. picomatch's POSIX build is plain JavaScript with no
// Node built-ins, so it bundles for the browser too. Paths are compared with forward slashes; a
// relative glob also matches at any depth ("docs/*.md" matches "/repo/docs/a.md").
import picomatch from 'picomatch/posix';

const cache = new Map<string, (path: string) => boolean>();

function compile(glob: string): (path: string) => boolean {
  let matcher = cache.get(glob);
  if (!matcher) {
    const anchored = glob.startsWith('/') || glob.startsWith('**');
    matcher = picomatch(anchored ? glob : [glob, `**/${glob}`], { dot: true });
    cache.set(glob, matcher);
  }
  return matcher;
}

export function matchesGlob(path: string, glob: string): boolean {
  return compile(glob)(path.replace(/\\/g, '/'));
}
