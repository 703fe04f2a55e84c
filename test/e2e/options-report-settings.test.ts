import { describe, expect, it } from 'vitest';
import { connectToServer, setUpE2e } from './harness';
import { addUser, callServer } from './support';

const e2e = setUpE2e({ server: { role: 'editor' }, page: 'options.html' });

/** The unit's quarterly settings as the chief of office left them, with a cut-off the form does not show. */
const QUARTER = {
  place: 'Hà Tĩnh',
  addressees: ['Ủy ban nhân dân tỉnh;', 'Bộ Ngoại giao.'],
  recipients: ['Như trên;', 'Lưu: VT, VPTTr.'],
  signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Ngô Thị Hoài Nam' },
  cutoff: 'nd09',
};

const unitSettings = (kind: string) =>
  callServer(e2e.server, `/v1/report-settings/${kind}`).then(
    (r) => r.json() as Promise<{ settings: Record<string, unknown> }>,
  );
const source = () => e2e.page.locator('[data-role="report-settings-source"]');

describe('the report settings in the options page', () => {
  it('shows the unit’s settings from the server to an editor, and saves her change over them', async () => {
    const options = e2e.page;
    const put = await callServer(e2e.server, '/v1/report-settings/quarter', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(QUARTER),
    });
    expect(put.status).toBe(200);
    // No server yet: this browser's own (empty) copy, and nothing to say about it.
    await expect.poll(() => options.locator('input[name="report-place"]').isEnabled()).toBe(true);
    expect(await source().count()).toBe(0);

    await connectToServer(options, e2e.server);
    await expect.poll(() => source().getAttribute('data-from')).toBe('unitEmpty');
    expect(await source().textContent()).toBe(
      'Máy chủ chưa có thông tin loại báo cáo này cho đơn vị; đây là bản lưu trên máy này.',
    );

    await options.selectOption('select[name="report-kind"]', 'quarter');
    await expect.poll(() => source().getAttribute('data-from')).toBe('unit');
    expect(await source().textContent()).toBe('Đây là thông tin đơn vị đang dùng trên máy chủ.');
    expect(await options.inputValue('input[name="report-signerName"]')).toBe('Ngô Thị Hoài Nam');
    expect(await options.inputValue('input[name="report-place"]')).toBe('Hà Tĩnh');
    expect(await options.inputValue('textarea[name="report-addressees"]')).toBe(
      'Ủy ban nhân dân tỉnh;\nBộ Ngoại giao.',
    );

    await options.locator('input[name="report-signerName"]').fill('');
    await options.locator('input[name="report-signerName"]').pressSequentially('Nguyễn Văn An');
    await options.click('button[data-action="save-report-settings"]');
    await expect
      .poll(() => options.locator('[data-role="report-settings-status"]').textContent())
      .toBe(
        'Đã lưu trên máy này và gửi lên máy chủ cho cả đơn vị. Báo cáo quý: đã lưu Địa danh, Kính gửi, Nơi nhận, Thẩm quyền ký (KT., TL., …), Chức vụ người ký, Họ và tên người ký; các ô để trống theo mẫu.',
      );
    // What the form does not show stays as the unit had it.
    expect((await unitSettings('quarter')).settings).toEqual({
      ...QUARTER,
      signer: { ...QUARTER.signer, name: 'Nguyễn Văn An' },
    });

    await options.reload();
    await options.selectOption('select[name="report-kind"]', 'quarter');
    await expect.poll(() => source().getAttribute('data-from')).toBe('unit');
    expect(await options.inputValue('input[name="report-signerName"]')).toBe('Nguyễn Văn An');
  });

  it('stores the signer’s name alone, shows the template’s values in force, and says what was saved where', async () => {
    const options = e2e.page;
    await options.reload();
    await expect.poll(() => source().getAttribute('data-from')).toBe('unitEmpty');
    // The month's settings are empty: each field shows, greyed, what the report uses instead.
    expect(await options.inputValue('input[name="report-signerTitle"]')).toBe('');
    expect(await options.getAttribute('input[name="report-signerTitle"]', 'placeholder')).toBe('PHÓ GIÁM ĐỐC');
    expect(await options.getAttribute('input[name="report-agency"]', 'placeholder')).toBe('SỞ NGOẠI VỤ');

    await options.locator('input[name="report-signerName"]').fill('Nguyễn Thị Bình');
    await options.click('button[data-action="save-report-settings"]');
    await expect
      .poll(() => options.locator('[data-role="report-settings-status"]').textContent())
      .toBe(
        'Đã lưu trên máy này và gửi lên máy chủ cho cả đơn vị. Báo cáo tháng: đã lưu Họ và tên người ký; các ô để trống theo mẫu.',
      );
    expect((await unitSettings('month')).settings).toEqual({ signer: { name: 'Nguyễn Thị Bình' } });
  });

  it('tells a member in plain words that the unit’s settings are not hers to read, and shows her own copy', async () => {
    const options = e2e.page;
    await connectToServer(options, e2e.server, addUser(e2e.server.dbPath, 'Thành viên', 'member'));
    await options.selectOption('select[name="report-kind"]', 'quarter');
    // The refused read of the quarter's settings: a server round trip, slow on a loaded machine.
    await expect
      .poll(() => source().textContent(), { timeout: 15_000 })
      .toMatch(
        /^Không tải được thông tin của đơn vị từ máy chủ; đây là bản lưu trên máy này\. Lý do: Tài khoản này không có quyền làm việc này\./,
      );
    // The copy the editor saved in this browser, once the form shows it.
    expect(await source().getAttribute('data-from')).toBe('failed');
    await expect
      .poll(() => options.inputValue('input[name="report-signerName"]'), { timeout: 15_000 })
      .toBe('Nguyễn Văn An');
    expect(await options.locator('button[data-action="save-report-settings"]').isEnabled()).toBe(true);
  });
});
