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

/**
 * What a lock file holds: who took it and when, for a person who finds one left behind,
 * and a token unique to this taking, so a writer releases only a lock that is still its own.
 */
export function lockFileText(holder: string, now: Date, token: string): string {
  return `Marginalia is writing the sidecar beside this file (${holder}, ${now.toISOString()}, ${token}).\nDelete this file if no Marginalia is running.\n`;
}

/** What the protocol needs of a file system; the CLI and the editor each provide it. */
export interface LockFiles {
  /** Creates the file with `text` unless it exists: true when created, false when it was there. */
  createExclusive(name: string, text: string): Promise<boolean>;
  /** Milliseconds since the file was last written, or undefined when there is none. */
  age(name: string): Promise<number | undefined>;
  /** The file's text, or undefined when there is none. */
  read(name: string): Promise<string | undefined>;
  /** Removes the file; nothing when it is already gone. */
  remove(name: string): Promise<void>;
  sleep(ms: number): Promise<void>;
  now(): number;
}

/**
 * Runs `fn` holding the lock of the sidecar `sidecarName` (see the top of this file).
 * `holder` names the writer in the lock file. Throws SidecarLockTimeout after LOCK_WAIT_MS
 * of waiting for another writer. The lock is released only if it is still this taking's:
 * a writer that held it so long that another removed it as stale must not then remove
 * the other's.
 */
export async function withLock<T>(files: LockFiles, sidecarName: string, holder: string, fn: () => Promise<T>): Promise<T> {
  const lock = lockFileName(sidecarName);
  const token = `${files.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const text = lockFileText(holder, new Date(files.now()), token);
  const deadline = files.now() + LOCK_WAIT_MS;
  for (;;) {
    if (await files.createExclusive(lock, text)) break;
    const age = await files.age(lock);
    if (age !== undefined && age > LOCK_STALE_MS && (await removeStaleLock(files, lock))) continue;
    if (files.now() > deadline) throw new SidecarLockTimeout(lock);
    await files.sleep(LOCK_RETRY_MS + Math.random() * LOCK_RETRY_MS);
  }
  try {
    return await fn();
  } finally {
    if ((await files.read(lock)) === text) await files.remove(lock);
  }
}

/**
 * Removes a lock a dead writer left, under the lock-breaker lock and only if it is still
 * stale then, so a lock another writer has just taken is never removed. False when another
 * writer is removing it (the caller waits and tries again).
 */
async function removeStaleLock(files: LockFiles, lock: string): Promise<boolean> {
  const breaker = lockBreakerFileName(lock);
  if (!(await files.createExclusive(breaker, ''))) {
    // Held for a moment by the writer removing the lock; one older than that was left by a
    // writer that died right then.
    const age = await files.age(breaker);
    if (age !== undefined && age > LOCK_STALE_MS) await files.remove(breaker);
    return false;
  }
  try {
    const age = await files.age(lock);
    if (age !== undefined && age > LOCK_STALE_MS) await files.remove(lock);
  } finally {
    await files.remove(breaker);
  }
  return true;
}

export class SidecarLockTimeout extends Error {
  override readonly name = 'SidecarLockTimeout';
  constructor(readonly lockFile: string) {
    super(
      `another writer has held ${lockFile} for over ${LOCK_WAIT_MS / 1000} s; nothing was written. Try again, or delete the lock file if no Marginalia is running`,
    );
  }
}
