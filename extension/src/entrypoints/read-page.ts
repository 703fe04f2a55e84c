import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
// Straight to the module, not `@gom/shared`: the package's index would bring zod, the taxonomy and
// the report pipeline into every page the officer asks Gom to read (budget: 15 KB gzipped).
import { definePageReader } from '../features/page-reader-script';

/**
 * Injected by `scripting.executeScript` only when the officer asks (context menu, shortcut,
 * toolbar); never declared in `content_scripts`. Injecting it only defines the reader; the
 * background then calls it with the unit's site adapters.
 */
export default defineUnlistedScript(() => {
  definePageReader(globalThis as unknown as Record<string, unknown>);
});
