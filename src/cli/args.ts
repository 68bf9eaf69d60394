import { UsageError } from './usage';
import { KINDS, type Kind } from '../core/model';

/** Runs node:util parseArgs (or any parser) and turns its errors into one-line usage errors. */
export function withUsageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    throw new UsageError(unknown ? `unknown option '${unknown[1] ?? ''}'` : (message.split('\n')[0] ?? message));
  }
}

export function parseKinds(value: string | undefined): Kind[] {
  if (value === undefined) return [...KINDS];
  const kinds = value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const bad = kinds.filter((k) => !(KINDS as readonly string[]).includes(k));
  if (bad.length > 0 || kinds.length === 0) {
    throw new UsageError(`--kinds takes a comma-separated list of ${KINDS.join(', ')}; got '${value}'`);
  }
  return kinds as Kind[];
}

export function parseIsoDate(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${option} takes a date as YYYY-MM-DD; got '${value}'`);
  }
  return value;
}
