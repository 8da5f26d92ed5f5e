/**
 * discord.js belongs to the gateway edge only: the shared interaction handler and the HTTP edge must run
 * without it, and main.ts may reach the gateway code only through a dynamic import (so the terminal and
 * HTTP modes never load it — the end-to-end tests check that at run time too).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Static imports only: `import … from 'x'` and `export … from 'x'` (not `await import('x')`). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gms)].map((m) => m[1]!);
}

describe('layering', () => {
  it('only src/discord/ imports discord.js', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !relative(SRC, file).startsWith('discord'))
      .filter((file) =>
        staticImports(file).some((spec) => spec === 'discord.js' || spec.startsWith('@discordjs/')),
      );
    expect(offenders.map((file) => relative(SRC, file))).toEqual([]);
  });

  it('src/interactions/ and src/http/ import nothing from src/discord/ that imports discord.js', () => {
    const usesDiscordJs = new Set(
      sourceFiles(join(SRC, 'discord'))
        .filter((file) => staticImports(file).includes('discord.js'))
        .map((file) => relative(SRC, file).replace(/\.ts$/, '.js')),
    );
    expect(usesDiscordJs.has('discord/client.js')).toBe(true); // the check itself sees imports
    for (const dir of ['interactions', 'http']) {
      for (const file of sourceFiles(join(SRC, dir))) {
        for (const spec of staticImports(file)) {
          if (!spec.startsWith('../discord/')) continue;
          expect(usesDiscordJs.has(spec.replace('../', '')), `${relative(SRC, file)} → ${spec}`).toBe(false);
        }
      }
    }
  });

  it('main.ts imports each mode only dynamically (the terminal loads neither zod nor discord.js first)', () => {
    const main = join(SRC, 'main.ts');
    expect(staticImports(main)).toEqual(['./env.js']);
    expect(staticImports(join(SRC, 'env.ts'))).toEqual(['dotenv']);
    expect(readFileSync(main, 'utf8')).toMatch(/await import\('\.\/discord\/gateway\.js'\)/);
    expect(staticImports(join(SRC, 'discord/gateway.ts'))).toContain('./client.js');
  });
});
