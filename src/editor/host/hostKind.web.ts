// The web-worker build's answer (see hostKind.ts).
export const EXTENSION_HOST = 'web-worker extension host';
