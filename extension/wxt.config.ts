import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * The end-to-end build (`GOM_E2E_HOSTS=1`, set by `test/global-setup.ts`). `activeTab` is granted
 * only by a real gesture — a toolbar click, a context-menu click, a shortcut — which Playwright
 * cannot make; the test build alone gets host access to the loopback fixture server instead, and
 * is written to its own folder (`.output/e2e`) so that it is never the build an officer installs.
 */
const e2e = process.env.GOM_E2E_HOSTS === '1';

/**
 * The public half of Gom's signing key (the private half is not kept: nothing is signed with it).
 * Chromium derives an extension's id from it, so every unpacked copy, wherever its folder, is
 * `ccjbpeiejpoifgaabplpnfafapmdhcjd`, the id the server admits by default (`GOM_EXTENSION_IDS`).
 * Firefox derives nothing from it: its extension origins are a random UUID per install.
 */
const CHROMIUM_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAv5SkrNqw8z840CA0MubHlz7u2VHRgz2oq3hT32jI2m+8DPBzqjGTbgikozYUiRV9DiA9jDRv7eWXvMGk3iOY8stedpIhotz+HTqFOz02I7eEp/3RG1GHtcMcUBXnLUrWXavjMlMeU3sx9os1vHZE7DHAEO+TRIQMeQjWXpTCLMfNxpQ3RoMvvqCpjoCsXpznG+7W4IGGHQN4ogEI78nb9JlDnLtum/wbBZpzD75Iiow7KrzFp6eW9sMaD5UAJZKIqGiSHBhJo4J2fJGT6UO3RF8IYT/T4GWdjxDNZ7UVI0CHOhvIJASX4k3ezhcNBR9ns2+iMOQ6EDNfwo64DOuRZQIDAQAB';

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

export default defineConfig({
  srcDir: 'src',
  outDir: e2e ? '.output/e2e' : '.output',
  // Tests and CI run the built extension themselves; `wxt dev` must never try to launch a browser.
  webExt: { disabled: true },
  vite: () => ({ plugins: [preact()] }),
  zip: { artifactTemplate: 'gom-{{version}}-{{browser}}.zip', sourcesTemplate: 'gom-{{version}}-sources.zip' },
  manifest: ({ browser }) => ({
    name: 'Gom',
    description: 'Gom: lưu việc đã làm khi đọc văn bản, lập báo cáo định kỳ bằng một cú nhấp.',
    default_locale: undefined,
    ...(browser === 'firefox' ? {} : { key: CHROMIUM_KEY }),
    // The fewest that work: no host permission and no declared content script. Pages are read only
    // when the officer asks (context menu, shortcut, toolbar), through `activeTab` + `scripting`;
    // the Gom server's origin is asked for at run time.
    permissions: [
      'contextMenus',
      'storage',
      'alarms',
      'activeTab',
      'scripting',
      // Firefox shows the same page as a sidebar, which needs no permission.
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // The Gom server's origin, asked for when the officer saves its address (options page).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(e2e ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Drawn by tools/icons/draw.ts into public/icon/, which WXT copies into every build and zip.
    icons: ICONS,
    action: { default_title: 'Gom', default_icon: ICONS },
    commands: {
      'quick-capture': {
        // Not Ctrl+Shift+…: Unikey and Windows take several of those; Alt+Shift+G is free in Chrome and Firefox.
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Ghi nhanh một việc vào Gom (đoạn đang chọn)',
      },
    },
    // 115: the first Firefox ESR with `storage.session`, where drafts pass between Gom's pages.
    browser_specific_settings: {
      // Firefox asks every add-on to declare what it collects: clips go only to the unit's own server.
      // 140 (the ESR) is the first with that declaration and has optional_host_permissions (128).
      gecko: { id: 'gom@gom.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    },
  }),
});
