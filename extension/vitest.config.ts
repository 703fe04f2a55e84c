import { defineProject } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// WXT looks for `./src/entrypoints` from its root: without both roots it would search from the
// repository root when the workspace runs every project.
export default defineProject({
  root: import.meta.dirname,
  plugins: [WxtVitest({ root: import.meta.dirname })],
  test: {
    name: 'extension',
    environment: 'node',
    // Dexie needs IndexedDB; Node has none.
    setupFiles: ['fake-indexeddb/auto'],
  },
});
