/**
 * `npm run build`'s second step: the compiled entry (dist/main.js) and everything it imports, our modules
 * and the production dependencies alike, as one ES module graph in dist/bundle/ — what `npm start`, the
 * Dockerfile and the systemd unit run.
 *
 * Why: node keeps the source text of every module it has loaded (V8 compiles functions lazily, from
 * source), and each of discord.js's ~300 files and zod's ~100 is a module of its own with its own
 * loader records. One graph with the white space and syntax minified holds about 5 MB less in a running
 * gateway bot (`npm run bench`, modes). Identifiers and names are kept, so stack traces in the log still
 * name our functions. The modes stay lazy: each dynamic import in src/main.ts becomes a chunk loaded only when
 * that mode runs, so the terminal still never loads discord.js.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = 'dist/bundle';
rmSync(outdir, { recursive: true, force: true });
await build({
  // the bot, and the validator it runs in a child process for each (re)load (src/knowledge/apart.ts)
  entryPoints: ['dist/main.js', 'dist/knowledge/validate.js'],
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  minifyWhitespace: true,
  minifySyntax: true,
  // Renaming within one scope would change classes' `name`, and discord.js chooses each manager's cache
  // limits by its class name (Options.cacheWithLimits): without this, the limits silently stop applying.
  keepNames: true,
  // discord.js and its dependencies are CommonJS; inside an ES module their require() of node's own
  // modules needs a real require.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
