// The editor benchmark, run inside VS Code's extension host by `npm run bench` (through
// scripts/test/integration.mjs --bench): the time to the first decorations when opening
// 1 MB and 10 MB documents, and the extension's work per keystroke in 1 MB documents,
// generated and real.
// It prints figures and asserts nothing about speed: these machines are shared and noisy.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { generateArticleText } from '../../bench/article';
import { api, waitFor, workspaceFile } from './helpers';

const MARK = '[marginalia-test]';

function say(text: string): void {
  console.log(`${MARK} ${text}`);
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function describe(samples: readonly number[] | undefined): string {
  const s = [...(samples ?? [])].sort((a, b) => a - b);
  return `median ${quantile(s, 0.5).toFixed(2)} ms, p95 ${quantile(s, 0.95).toFixed(2)} ms, max ${(s[s.length - 1] ?? NaN).toFixed(2)} ms (n=${s.length})`;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Real text, about `bytes` long: the repository's own sample and evaluation documents
 * (written for it, of the kinds researchers annotate), repeated whole. Unlike generated
 * text, they define abbreviations and share spellings that only the whole document
 * decides (controlSplice.ts), which re-detection must handle after every edit.
 */
function realText(bytes: number): string {
  const root = path.resolve(__dirname, '..', '..', '..', '..');
  const docs: string[] = [];
  for (const dir of ['samples/corpus', 'test/eval/blind/dev', 'test/eval/blind/final']) {
    for (const f of fs.readdirSync(path.join(root, dir)).sort()) {
      if (/\.(txt|md)$/.test(f)) docs.push(fs.readFileSync(path.join(root, dir, f), 'utf8'));
    }
  }
  const one = docs.join('\n\n');
  let text = one;
  while (text.length < bytes) text += `\n\n${one}`;
  return text;
}

async function openMeasured(name: string, bytes: number, real = false): Promise<vscode.TextEditor> {
  const marginalia = await api();
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(real ? realText(bytes) : generateArticleText(bytes, bytes)));
  marginalia.timings(true);
  const started = performance.now();
  // Event-loop stalls of this extension host while the document opens (any extension's).
  const stalls: string[] = [];
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    if (now - last > 100) stalls.push(`${(now - last).toFixed(0)} ms stall ending at +${(now - started).toFixed(0)}`);
    last = now;
  }, 10);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await waitFor(
    () => {
      const painted = marginalia.decorations(uri);
      return painted !== undefined && painted.claim.length + painted.date.length + painted.control.length > 0;
    },
    `decorations in ${name}`,
    120_000,
  );
  const seen = performance.now() - started;
  // Then the whole document, detected in steps after the visible part.
  await waitFor(() => (marginalia.timings().firstPaint?.length ?? 0) > 0, `the whole of ${name} detected`, 300_000);
  clearInterval(probe);
  const t = marginalia.timings();
  const one = (list: readonly number[] | undefined): string => (list?.[0] === undefined ? 'n/a' : `${list[0].toFixed(0)} ms`);
  // The whole pass is the longest detection while it opens (the document closed before may be re-detected meanwhile).
  say(`open ${name}: decorations seen by the test ${seen.toFixed(0)} ms after openTextDocument`);
  say(`  event-loop stalls over 100 ms while opening (any extension): ${stalls.join('; ') || 'none'}`);
  say(
    `  extension, from the document reaching it: sidecar read (waiting on the file system) ${one(t.load)}; visible part detected and painted in ${one(t.visiblePart)} (CPU), on screen at ${one(t.firstVisiblePaint)} (${one(t.shownToPaint)} after an editor showed it); whole document detected in ${one(t.detect && [Math.max(...t.detect)])} (CPU) in steps of ${describe(t.detectStep)}, painted at ${one(t.firstPaint)}`,
  );
  return editor;
}

async function type(editor: vscode.TextEditor, keystrokes: number, gapMs: number, what = '1 MB'): Promise<void> {
  const marginalia = await api();
  // Somewhere in the middle, at the end of a paragraph: what a reader adding a remark does.
  const text = editor.document.getText();
  const at = text.indexOf('.\n', Math.floor(text.length / 2)) + 1;
  let position = editor.document.positionAt(at);
  await sleep(500);
  marginalia.timings(true);
  for (let i = 0; i < keystrokes; i++) {
    const ch = i % 7 === 6 ? ' ' : ('abcdefghijklmnopqrstuvwxyz'[i % 26] ?? 'x');
    await editor.edit(
      (b) => {
        b.insert(position, ch);
      },
      { undoStopBefore: false, undoStopAfter: false },
    );
    position = position.translate(0, 1);
    await sleep(gapMs);
  }
  await sleep(400);
  const t = marginalia.timings();
  say(
    `type ${keystrokes} keys ${gapMs} ms apart in ${what}: per change event ${describe(t.edit)}; repaint ${describe(t.paint)}; re-detection after the debounce ${describe(t.detect)}: reading the text ${describe(t.detectText)}, detectors ${describe(t.detectCore)}, views and painting ${describe(t.detectNotify)}`,
  );
}

/** Scan Workspace over `files` documents of `bytes` each, in the extension host and over workers: wall time, each run on its own copy. */
async function scanBench(files: number, bytes: number): Promise<void> {
  const threads = [0, 1, 2];
  const times: string[] = [];
  let base = NaN;
  for (const n of threads) {
    const folder = `bench-scan-${n}`;
    for (let i = 0; i < files; i++) {
      await vscode.workspace.fs.writeFile(
        workspaceFile(`${folder}/doc-${i}.txt`),
        new TextEncoder().encode(generateArticleText(bytes, 1000 + i)),
      );
    }
    const started = performance.now();
    const summary = await vscode.commands.executeCommand<{ scanned: number; added: number } | undefined>('marginalia.scanWorkspace', {
      within: workspaceFile(folder),
      threads: n,
    });
    const ms = performance.now() - started;
    if (n === 0) base = ms;
    times.push(
      `${n === 0 ? 'in the extension host' : `${n} worker(s)`} ${ms.toFixed(0)} ms (${(base / ms).toFixed(2)}x; ${summary?.scanned ?? 0} files, ${summary?.added ?? 0} suggestions)`,
    );
  }
  say(`Scan Workspace, ${files} files of ${(bytes / 1024).toFixed(0)} KB: ${times.join('; ')}`);
}

suite('Editor benchmark', () => {
  test('Scan Workspace over workers', async () => {
    await scanBench(80, 100 * 1024);
  }).timeout(600_000);

  test('open 1 MB and 10 MB, type in 1 MB', async () => {
    // What reading a missing sidecar costs here when nothing else is going on.
    const probe = workspaceFile('no-such-file.txt.annotations.yaml');
    const reads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await vscode.workspace.fs.readFile(probe).then(
        () => undefined,
        () => undefined,
      );
      reads.push(performance.now() - t0);
    }
    say(`reading a missing file through workspace.fs at rest: ${describe(reads)}`);
    const one = await openMeasured('bench-1mb.txt', 1024 * 1024);
    await type(one, 150, 20);
    await type(one, 40, 160);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const real = await openMeasured('bench-real-1mb.txt', 1024 * 1024, true);
    await type(real, 150, 20, '1 MB of real text');
    await type(real, 40, 160, '1 MB of real text');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await openMeasured('bench-10mb.txt', 10 * 1024 * 1024);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }).timeout(600_000);

  test('the timeline shown beside 1 MB of real text: its update after each pause in typing', async () => {
    const marginalia = await api();
    const editor = await openMeasured('bench-timeline-1mb.txt', 1024 * 1024, true);
    await vscode.commands.executeCommand('marginalia.showTimeline');
    await waitFor(() => ((marginalia.timeline.last()?.items.length ?? 0) > 1000 ? true : undefined), 'the first timeline', 60_000);
    const marks = marginalia.timeline.last()?.items.length ?? 0;
    marginalia.timings(true);
    const shown = await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.Beside);
    for (let i = 0; i < 12; i++) {
      const sent = new Promise<void>((resolve) => {
        const once = marginalia.timeline.onDidSend(() => {
          once.dispose();
          resolve();
        });
      });
      await shown.edit((b) => {
        b.insert(new vscode.Position(40 + i, 0), 'x');
      });
      await sent;
    }
    say(
      `timeline of 1 MB of real text (${marks} marks), built after each pause in typing: ${describe(marginalia.timings().timelineBuild)}`,
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }).timeout(600_000);
});
