import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Fetch } from '../sync/server-api';
import {
  fetchReportSettings,
  fieldsSet,
  formFromSettings,
  loadReportSettings,
  saveReportSettingsLocally,
  sendReportSettings,
  settingsFromForm,
  settingsToEdit,
  templateDefaults,
} from './report-settings';

beforeEach(() => {
  fakeBrowser.reset();
});

const form = {
  ...formFromSettings(),
  agency: ' Sở Ngoại vụ ',
  abbreviation: 'SNgV',
  addressees: 'Văn phòng UBND tỉnh\n\n- Bộ Ngoại giao',
  recipients: 'Như trên;\nLưu: VT, VPTTr.',
  signerAuthority: 'KT. GIÁM ĐỐC',
  signerTitle: 'PHÓ GIÁM ĐỐC',
  signerName: 'Nguyễn Văn A',
};

describe('settingsFromForm', () => {
  it('reads lists one a line and leaves empty fields to the template', () => {
    expect(settingsFromForm(form)).toEqual({
      ok: true,
      settings: {
        agency: 'Sở Ngoại vụ',
        abbreviation: 'SNgV',
        addressees: ['Văn phòng UBND tỉnh', 'Bộ Ngoại giao'],
        recipients: ['Như trên;', 'Lưu: VT, VPTTr.'],
        signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn A' },
      },
    });
  });

  it('keeps the signer’s name alone, the authority and title left to the template', () => {
    const result = settingsFromForm({ ...formFromSettings(), signerName: ' Nguyễn Văn A ' });
    expect(result).toEqual({ ok: true, settings: { signer: { name: 'Nguyễn Văn A' } } });
    if (result.ok) expect(fieldsSet(result.settings)).toEqual(['signerName']);
  });

  it('refuses what Nghị định 30 refuses, with the reason', () => {
    const refused = settingsFromForm({ ...form, recipients: 'Như trên;' });
    expect(refused).toMatchObject({ ok: false, errors: expect.stringContaining('Lưu: VT') });
  });

  it('keeps the cut-off the form does not show', () => {
    expect(settingsFromForm(formFromSettings(), { cutoff: 'nd09' })).toEqual({
      ok: true,
      settings: { cutoff: 'nd09' },
    });
  });

  it('fills an empty form with what the template and the unit put in the report', () => {
    expect(templateDefaults('month')).toMatchObject({
      agency: 'SỞ NGOẠI VỤ',
      place: 'Hà Tĩnh',
      signerAuthority: 'KT. GIÁM ĐỐC',
      signerTitle: 'PHÓ GIÁM ĐỐC',
      recipients: 'Như trên;\nBan Giám đốc Sở;\nLưu: VT, VPTTr.',
    });
  });

  it('round-trips through the form', () => {
    const result = settingsFromForm(form);
    if (!result.ok) throw new Error(result.errors);
    expect(settingsFromForm(formFromSettings(result.settings))).toEqual(result);
  });
});

describe('stored report settings', () => {
  it('are kept per kind, and a stored kind that no longer validates is dropped', async () => {
    await saveReportSettingsLocally('month', { agency: 'Sở Ngoại vụ' });
    await saveReportSettingsLocally('week', { place: 'Hà Tĩnh' });
    expect(await loadReportSettings()).toEqual({ month: { agency: 'Sở Ngoại vụ' }, week: { place: 'Hà Tĩnh' } });
    await fakeBrowser.storage.local.set({
      reportSettings: { month: { agency: 'x', bogus: 1 }, year: { place: 'Vinh' } },
    });
    expect(await loadReportSettings()).toEqual({ year: { place: 'Vinh' } });
  });
});

describe('sendReportSettings', () => {
  it("PUTs the kind's settings with the token, and names a refusal in the officer's words", async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const ok: Fetch = async (url, init) => {
      calls.push({ url: String(url), init });
      return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    await sendReportSettings({
      serverUrl: 'https://gom.example',
      token: 't',
      kind: 'month',
      settings: { place: 'Vinh' },
      fetch: ok,
    });
    expect(calls[0]).toMatchObject({
      url: 'https://gom.example/v1/report-settings/month',
      init: { method: 'PUT', body: '{"place":"Vinh"}' },
    });
    const forbidden: Fetch = async () => new Response('{}', { status: 403 });
    await expect(
      sendReportSettings({
        serverUrl: 'https://gom.example',
        token: 't',
        kind: 'month',
        settings: {},
        fetch: forbidden,
      }),
    ).rejects.toMatchObject({ reason: 'forbidden' });
  });
});

describe('the settings to edit', () => {
  const json = (body: unknown, status = 200): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const unit = { place: 'Hà Tĩnh', cutoff: 'nd09' as const, signer: { authority: '', title: 'GIÁM ĐỐC', name: 'B' } };
  const local = { quarter: { place: 'Vinh' } };
  const configure = () => fakeBrowser.storage.local.set({ serverUrl: 'https://gom.example', token: 'secret' });

  it("GETs the kind's settings with the token, checked against the shared schema", async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const fetch: Fetch = async (url, init) => {
      calls.push({ url: String(url), init });
      return json({ kind: 'quarter', settings: unit });
    };
    expect(await fetchReportSettings({ serverUrl: 'https://gom.example', token: 't', kind: 'quarter', fetch })).toEqual(
      unit,
    );
    expect(calls[0]?.url).toBe('https://gom.example/v1/report-settings/quarter');
    expect(new Headers(calls[0]?.init?.headers).get('Authorization')).toBe('Bearer t');
    const odd: Fetch = async () => json({ kind: 'quarter', settings: { cutoff: 'lunar' } });
    await expect(
      fetchReportSettings({ serverUrl: 'https://gom.example', token: 't', kind: 'quarter', fetch: odd }),
    ).rejects.toMatchObject({ reason: 'badResponse' });
  });

  it('are this browser’s own without a server, and nothing is asked', async () => {
    const fetch: Fetch = async () => {
      throw new Error('no request expected');
    };
    expect(await settingsToEdit('quarter', local, fetch)).toEqual({ from: 'local', settings: { place: 'Vinh' } });
    expect(await settingsToEdit('year', local, fetch)).toEqual({ from: 'local', settings: {} });
  });

  it('are the unit’s when the server has them, else this browser’s, said so', async () => {
    await configure();
    expect(await settingsToEdit('quarter', local, async () => json({ kind: 'quarter', settings: unit }))).toEqual({
      from: 'unit',
      settings: unit,
    });
    expect(await settingsToEdit('quarter', local, async () => json({ kind: 'quarter', settings: {} }))).toEqual({
      from: 'unitEmpty',
      settings: { place: 'Vinh' },
    });
  });

  it('fall back to this browser’s with the reason when the server refuses or cannot be reached', async () => {
    await configure();
    const refused = await settingsToEdit('quarter', local, async () =>
      json({ title: 'Forbidden', detail: 'Chỉ biên tập viên / Only editor, admin' }, 403),
    );
    expect(refused).toMatchObject({ from: 'failed', settings: { place: 'Vinh' }, error: { reason: 'forbidden' } });
    const offline = await settingsToEdit('quarter', local, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(offline).toMatchObject({ from: 'failed', error: { reason: 'network' } });
  });
});
