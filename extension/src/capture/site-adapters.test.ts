import { builtInAdapters } from '@gom/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSiteAdapters, loadSiteAdaptersJson, saveSiteAdaptersJson } from './site-adapters';

const voffice = {
  id: 'viettel-voffice-list',
  name: 'Viettel VOffice — văn bản đi',
  hostPattern: '*.voffice.vn',
  kind: 'list',
  direction: 'outgoing',
  detect: 'table.vb-di',
  rows: 'table.vb-di tbody tr',
  fields: { reference: { selector: 'td.so' }, summary: { selector: 'td.trich-yeu' } },
};

beforeEach(() => fakeBrowser.reset());

describe('the unit’s site adapters', () => {
  it('are tried before the shipped ones once saved', async () => {
    expect(await saveSiteAdaptersJson(JSON.stringify([voffice]))).toMatchObject({ ok: true });
    const adapters = await loadSiteAdapters();
    expect(adapters.map((a) => a.id)).toEqual(['viettel-voffice-list', ...builtInAdapters.map((a) => a.id)]);
  });

  it('are refused with every reason when invalid, keeping what was saved before', async () => {
    await saveSiteAdaptersJson(JSON.stringify([voffice]));
    const refused = await saveSiteAdaptersJson(JSON.stringify([{ ...voffice, rows: undefined, id: 'X' }]));
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.errors.join('\n')).toMatch(/id/);
    expect(JSON.parse(await loadSiteAdaptersJson())).toEqual([voffice]);
    expect(await saveSiteAdaptersJson('[{')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^JSON/)] });
  });

  it('are removed by saving an empty text', async () => {
    await saveSiteAdaptersJson(JSON.stringify([voffice]));
    await saveSiteAdaptersJson('  ');
    expect(await loadSiteAdapters()).toEqual(builtInAdapters);
  });
});
