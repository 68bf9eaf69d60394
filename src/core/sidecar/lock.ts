// The lock writers take around "read the file again, plan, rename over it" (see
// store/sidecarWrite.ts), so two writers never both base their write on the same old text:
// the editor and a CLI run, or two CLI runs, writing one sidecar. Every Marginalia writer
// follows the same protocol, whatever the file system:
//
// 1. create `NAME.annotations.yaml.lock` exclusively (fails when it exists);
// 2. read the sidecar, plan, write a temporary file and rename it over the sidecar;
// 3. delete the lock.
//
// A lock older than LOCK_STALE_MS is left over from a writer that died between 1 and 3
// (a writer holds it for milliseconds): the next writer removes it. The file's content
// says who took it, for a person who finds one.
//
// Removing a stale lock is itself done under a lock, `NAME.annotations.yaml.lock.break`
// (created exclusively, deleted straight after), and only if the lock is still stale once
// that is held. Otherwise two writers that both found the stale lock could both remove
// "it": the second would remove the fresh lock the first had just taken, and both would
// write from the same old text.

/** `report.txt.annotations.yaml` → `report.txt.annotations.yaml.lock`. Not a sidecar name: nothing reads it as one. */
export function lockFileName(sidecarName: string): string {
  return `${sidecarName}.lock`;
}

/** `NAME.annotations.yaml.lock` → `NAME.annotations.yaml.lock.break`: held while a stale lock is removed. */
export function lockBreakerFileName(lockName: string): string {
  return `${lockName}.break`;
}

/** Older than this, a lock is one a dead writer left behind. */
export const LOCK_STALE_MS = 10_000;

/** How long a writer waits for another one's lock before giving up with a message. */
export const LOCK_WAIT_MS = 5_000;

/** Between two attempts to take a lock another writer holds. */
export const LOCK_RETRY_MS = 15;

/** What a lock file holds: who took it and when, for a person who finds one left behind. */
export function lockFileText(holder: string, now: Date): string {
  return `Marginalia is writing the sidecar beside this file (${holder}, ${now.toISOString()}).\nDelete this file if no Marginalia is running.\n`;
}

export class SidecarLockTimeout extends Error {
  override readonly name = 'SidecarLockTimeout';
  constructor(readonly lockFile: string) {
    super(`another writer has held ${lockFile} for over ${LOCK_WAIT_MS / 1000} s; nothing was written. Try again, or delete the lock file if no Marginalia is running`);
  }
}
