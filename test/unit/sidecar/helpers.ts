// Shared by the sidecar tests: fixture paths and small sidecar builders.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FORMAT_VERSION, type Annotation, type Sidecar } from '../../../src/core/sidecar/format';

const root = process.env['MARGINALIA_ROOT'] ?? resolve(__dirname, '..', '..', '..', '..');

export function fixture(name: string): string {
  return readFileSync(join(root, 'test', 'unit', 'sidecar', 'fixtures', name), 'utf8');
}

export function annotation(over: Partial<Annotation> & Pick<Annotation, 'id' | 'start' | 'end'>): Annotation {
  return {
    kind: 'claim',
    quote: 'quoted text',
    prefix: '',
    suffix: '',
    origin: 'detected',
    status: 'open',
    ...over,
  };
}

export function sidecar(annotations: Annotation[]): Sidecar {
  return { marginalia: FORMAT_VERSION, source: { file: 'report.txt', sha256: 'a'.repeat(64) }, annotations };
}
