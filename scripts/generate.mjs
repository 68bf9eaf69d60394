// Writes the generated sources (git-ignored) that tsc and esbuild need: today the
// bundled controls catalog, src/core/catalog/builtin.generated.ts.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const generators = ['gen-catalog.mjs', 'gen-grammar.mjs'].map((name) => fileURLToPath(new URL(name, import.meta.url)));
for (const generator of generators) {
  if (existsSync(generator)) execFileSync(process.execPath, [generator], { stdio: 'inherit' });
}
