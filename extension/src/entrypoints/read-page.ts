import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { definePageReader } from '../capture/in-page-reader';

/**
 * The page reader's bundle, `read-page.js`: what it runs is `capture/in-page-reader.ts`, and
 * `capture/read-tab.ts` injects it, by `scripting.executeScript`, only when the officer asks
 * (context menu, shortcut, toolbar); never declared in `content_scripts`. Injecting it only defines
 * the reader; the background then calls it with the unit's site adapters.
 */
export default defineUnlistedScript(() => {
  definePageReader(globalThis as unknown as Record<string, unknown>);
});
