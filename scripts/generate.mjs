// Writes what is generated from src/core/catalog/controls.yaml: the bundled catalog
// src/core/catalog/builtin.generated.ts (git-ignored), which tsc and esbuild need, and the
// injection grammar syntaxes/marginalia-controls.tmLanguage.json (committed: it ships).
// Runs as npm's `prepare` script, so `npm ci` / `npm install` leave a fresh clone ready to
// type-check, and again before every build, compile-tests and typecheck (an edit of
// controls.yaml then reaches both). Writes only what changed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const generators = ['gen-catalog.mjs', 'gen-grammar.mjs'].map((name) => fileURLToPath(new URL(name, import.meta.url)));
for (const generator of generators) {
  if (existsSync(generator)) execFileSync(process.execPath, [generator], { stdio: 'inherit' });
}
