import { expect, test as base } from '@playwright/test';

/**
 * Every UI test watches the browser console, where VS Code reports what it refuses in an
 * extension's manifest ("Unknown completionEvent …") and what an extension host fails
 * at (an activation error): a test fails when a warning or an error names Marginalia.
 */
export const test = base.extend<{ consoleGuard: string[] }>({
  consoleGuard: [
    async ({ page }, use) => {
      const seen: string[] = [];
      page.on('console', (message) => {
        const type = message.type();
        const text = message.text();
        if ((type === 'warning' || type === 'error') && /marginalia/i.test(text)) seen.push(`${type}: ${text.split('\n')[0] ?? ''}`);
      });
      await use(seen);
      expect(seen, 'warnings and errors about Marginalia in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
