// Which extension host runs this build: replaced by hostKind.web.ts in the browser bundle
// (esbuild.js). Said in the log and in `Marginalia: Show Log`, so a person (or a test) can
// tell desktop VS Code's Node host from vscode.dev's web worker.
export const EXTENSION_HOST = 'Node extension host';
