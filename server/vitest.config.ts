import { defineProject } from 'vitest/config';

// The command-line tests start `gom` through tsx, a few seconds each on a loaded two-core machine.
export default defineProject({ test: { name: 'server', environment: 'node', testTimeout: 30_000 } });
