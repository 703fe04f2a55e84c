import { describe, expect, it } from 'vitest';
import { setUpE2e } from './harness';

const e2e = setUpE2e({ server: { role: 'member' } });

describe('the options page’s connection test', () => {
  it('says a wrong token is wrong at once, and names who a right one signs in as', async () => {
    const options = await e2e.browser.openExtensionPage('options.html');
    const status = options.locator('[data-role="connection-status"]');
    await options.fill('input[name="serverUrl"]', e2e.server.url);
    await options.fill('input[name="token"]', 'gom_not-a-real-token');
    await options.click('button[data-action="test-connection"]');
    await expect.poll(() => status.textContent()).toMatch(/^Mã truy cập không đúng hoặc đã bị thu hồi/);
    expect(await status.getAttribute('data-error')).toBe('true');

    await options.fill('input[name="token"]', e2e.server.token);
    await options.click('button[data-action="test-connection"]');
    await expect.poll(() => status.textContent()).toBe('Kết nối tốt: Chuyên viên, Sở Ngoại vụ.');
    expect(await status.getAttribute('data-error')).toBe('false');
  });
});
