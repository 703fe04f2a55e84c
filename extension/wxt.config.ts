import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: 'src',
  // Tests and CI run the built extension themselves; `wxt dev` must never try to launch a browser.
  webExt: { disabled: true },
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Gom',
    description: 'Gom: lưu việc đã làm khi đọc văn bản, lập báo cáo định kỳ bằng một cú nhấp.',
    default_locale: undefined,
    permissions: ['contextMenus', 'storage', 'sidePanel', 'alarms', 'activeTab'],
    action: { default_title: 'Gom' },
    browser_specific_settings: { gecko: { id: 'gom@gom.local' } },
  },
});
