import type { ScratchApp } from '../apps.js';

/** What a check gets: the app, installed and compiled, running with `NODE_ENV=production`. */
export interface SmokeContext {
  readonly app: ScratchApp;
  /** The app's folder: its `node_modules`, `src/` and compiled output. */
  readonly dir: string;
  /** Base URL of the running app (`node --enable-source-maps dist/main.js`). */
  readonly url: string;
}

/**
 * One behaviour checked over HTTP in every scratch app it applies to. Adding a
 * check: a `SmokeCheck` in one of the files of this folder, listed in
 * `index.ts`; if it needs routes, a source in `app-src/` named in `apps.ts`.
 */
export interface SmokeCheck {
  readonly name: string;
  /** Which apps it runs in; all by default. */
  readonly appliesTo?: (app: ScratchApp) => boolean;
  readonly run: (context: SmokeContext) => Promise<void>;
}

export const meta = (code: number, message: string, description?: string) => ({
  meta: description === undefined ? { code, message } : { code, message, description },
});
