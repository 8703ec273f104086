import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const distDir = fileURLToPath(new URL('../dist', import.meta.url));

export type Chunk = {
  file: string;
  gzipBytes: number;
  /** Loaded by the page before the console can start: the entry script and what it imports statically. */
  initial: boolean;
};

// Static imports in Rolldown's output: `import{a}from"./x.js"`, `export{b}from"./x.js"`, `import"./x.js"`.
// A dynamic `import("./x.js")` has a parenthesis and is left out.
const STATIC_IMPORT = /\b(?:from\s*|import\s*)["']\.\/([^"']+\.js)["']/g;

/** Every built asset (JS and CSS) with its gzip size (zlib's default level; Vite's build report differs by about 1 %). */
export function builtChunks(): Chunk[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const fromHtml = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/assets\/([^"]+\.js)"/g)].flatMap(
    (match) => (match[1] ? [match[1]] : []),
  );
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const match of readAsset(file).matchAll(STATIC_IMPORT)) if (match[1]) visit(match[1]);
  };
  fromHtml.forEach(visit);

  return readdirSync(join(distDir, 'assets'))
    .filter((file) => file.endsWith('.js') || file.endsWith('.css'))
    .map((file) => ({ file, gzipBytes: gzipSync(readAsset(file)).length, initial: initial.has(file) }))
    .toSorted((a, b) => Number(b.initial) - Number(a.initial) || b.gzipBytes - a.gzipBytes);
}

function readAsset(file: string): string {
  return readFileSync(join(distDir, 'assets', file), 'utf8');
}
