// Loads ./coreBundle (the analysis engine and everything built on it) on first use instead of at
// activation. On Node it is a second bundle, dist/core.js, required here (scripts/build.mjs keeps
// this require external); the web bundle is one file, where esbuild wraps ./coreBundle so that its
// modules are evaluated only by this call.
import type * as CoreModule from './coreBundle';

export type Core = typeof CoreModule;

let loaded: Core | undefined;
let loading: Promise<Core> | undefined;

/** The core, loaded now if nothing loaded it yet. For code that runs after activation. */
export function core(): Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, lazy load is the point
  return (loaded ??= require('./coreBundle') as Core);
}

/**
 * The core, loaded on a later turn of the event loop the first time. Analyses start here, so the
 * first ones, which activation requests (already open documents, the active editor), never load
 * the core inside activate: the extension host gets its turn back first.
 */
export function coreReady(): Promise<Core> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= new Promise<Core>((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(core());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, 0);
  });
  return loading;
}
