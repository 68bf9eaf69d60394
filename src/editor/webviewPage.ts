// The HTML shell of Marginalia's webview pages (the timeline, the agreement report): one
// bundled script allowed by a fresh nonce, one stylesheet, nothing else loaded. No inline
// script and no eval, whatever a page draws from a document's text.
import * as vscode from 'vscode';

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Text as HTML text: a title may be a file's name. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface PageFiles {
  /** `dist/webview/NAME.js`. */
  script: vscode.Uri;
  /** `media/NAME.css`. */
  style: vscode.Uri;
  title: string;
  /** The element the script draws into. */
  root: 'div' | 'main';
  /** Image sources besides none (the timeline draws PNGs from blobs). */
  images?: string;
}

/** Where a page's files may come from: the bundles and the media folder. */
export function pageRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function pageHtml(webview: vscode.Webview, files: PageFiles): string {
  const n = nonce();
  const csp = [
    "default-src 'none'",
    ...(files.images === undefined ? [] : [`img-src ${webview.cspSource} ${files.images}`]),
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${webview.asWebviewUri(files.style).toString()}" rel="stylesheet">
<title>${escapeHtml(files.title)}</title></head>
<body><${files.root} id="app"></${files.root}><script nonce="${n}" src="${webview.asWebviewUri(files.script).toString()}"></script></body></html>`;
}

/** What a page's panel tells its owner: a message from the page, the page unloaded (hidden), the panel closed. */
export interface PageEvents {
  receive(message: unknown): void;
  hidden(): void;
  disposed(): void;
}

/**
 * A panel for one of Marginalia's pages, opened in the active column, its script allowed.
 * The page is unloaded while hidden (retainContextWhenHidden off): it says it is ready
 * again when shown, so its owner sends its data again.
 */
export function openPage(
  extensionUri: vscode.Uri,
  viewType: string,
  title: string,
  files: PageFiles,
  events: PageEvents,
): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(
    viewType,
    title,
    { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
    { enableScripts: true, localResourceRoots: pageRoots(extensionUri), retainContextWhenHidden: false },
  );
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'marginalia.svg');
  panel.webview.html = pageHtml(panel.webview, files);
  panel.webview.onDidReceiveMessage((m: unknown) => {
    events.receive(m);
  });
  panel.onDidChangeViewState(() => {
    if (!panel.visible) events.hidden();
  });
  panel.onDidDispose(() => {
    events.disposed();
  });
  return panel;
}
