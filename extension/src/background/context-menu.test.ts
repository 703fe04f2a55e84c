import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureClip } from '../capture/clip';
import { type GomDb, openGomDb } from '../store/db';
import {
  CLIP_DOCUMENT_MENU_ID,
  CLIP_MENU_ID,
  createClipMenu,
  GATHER_MENU_ID,
  listenForClipMenu,
  type MenuActions,
} from './context-menu';

type ClickListener = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => Promise<void> | undefined;

// fakeBrowser has no working contextMenus: spy on the calls Gom makes.
function spyOnContextMenus() {
  const menus = fakeBrowser.contextMenus;
  return {
    create: vi.spyOn(menus, 'create').mockImplementation(() => CLIP_MENU_ID),
    removeAll: vi.spyOn(menus, 'removeAll').mockImplementation(() => Promise.resolve()),
    addListener: vi.spyOn(menus.onClicked, 'addListener').mockImplementation(() => {}),
    removeListener: vi.spyOn(menus.onClicked, 'removeListener').mockImplementation(() => {}),
  };
}

/** The menu's actions, each a spy unless the test gives its own. */
function actions(own: Partial<MenuActions> = {}): MenuActions {
  return {
    capture: vi.fn(() => Promise.resolve('id')),
    clipDocument: vi.fn(() => Promise.resolve({ itemId: 'id' })),
    gather: vi.fn(() => Promise.resolve('draft')),
    ...own,
  };
}

let db: GomDb;
let spies: ReturnType<typeof spyOnContextMenus>;
beforeEach(() => {
  fakeBrowser.reset();
  spies = spyOnContextMenus();
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

function clickListener(): ClickListener {
  const listener = spies.addListener.mock.calls[0]?.[0];
  if (!listener) throw new Error('no onClicked listener was added');
  return listener as unknown as ClickListener;
}

const info = (over: Partial<Browser.contextMenus.OnClickData> = {}): Browser.contextMenus.OnClickData => ({
  menuItemId: CLIP_MENU_ID,
  editable: false,
  pageUrl: 'https://ioffice.example/vb/214',
  selectionText: 'Góp ý dự thảo Kế hoạch số 15/KH-UBND',
  ...over,
});
const tab = { url: 'https://ioffice.example/vb/214?tab=1', title: 'Chi tiết văn bản' } as Browser.tabs.Tab;

describe('the clip context menu', () => {
  it('is one entry on selections, titled with the selection, and two on the page itself', async () => {
    await createClipMenu();
    expect(spies.removeAll).toHaveBeenCalledOnce();
    expect(spies.create.mock.calls.map(([properties]) => properties)).toEqual([
      { id: 'gom-clip-selection', title: 'Lưu vào Gom: “%s”', contexts: ['selection'] },
      { id: 'gom-clip-document', title: 'Gom: lưu văn bản đang xem', contexts: ['page'] },
      { id: 'gom-gather', title: 'Gom: gom các văn bản trong danh sách này', contexts: ['page'] },
    ]);
  });

  it("runs the page entries on the menu's tab", async () => {
    const own = actions();
    listenForClipMenu(own);
    await clickListener()(info({ menuItemId: CLIP_DOCUMENT_MENU_ID, selectionText: undefined }), { ...tab, id: 7 });
    await clickListener()(info({ menuItemId: GATHER_MENU_ID, selectionText: undefined }), { ...tab, id: 8 });
    expect(own.clipDocument).toHaveBeenCalledWith(7);
    expect(own.gather).toHaveBeenCalledWith(8);
    expect(own.capture).not.toHaveBeenCalled();
  });

  it('saves the selection with the tab URL and title, then asks for a sync', async () => {
    const requestSync = vi.fn(() => Promise.resolve());
    listenForClipMenu(actions({ capture: (input) => captureClip({ db, requestSync }, input) }));
    await clickListener()(info(), tab);
    const [record] = await db.items.toArray();
    expect(record?.fields.text).toBe('Góp ý dự thảo Kế hoạch số 15/KH-UBND');
    expect(record?.fields.source).toMatchObject({
      url: 'https://ioffice.example/vb/214?tab=1',
      title: 'Chi tiết văn bản',
      selection: 'Góp ý dự thảo Kế hoạch số 15/KH-UBND',
      document: { reference: '15/KH-UBND', type: 'Kế hoạch' },
    });
    expect(await db.outbox.count()).toBe(1);
    expect(requestSync).toHaveBeenCalledOnce();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it("falls back to the page's URL when the tab has none (the PDF viewer)", async () => {
    const own = actions();
    listenForClipMenu(own);
    await clickListener()(info({ pageUrl: 'https://ioffice.example/file.pdf' }), undefined);
    expect(own.capture).toHaveBeenCalledWith({
      text: info().selectionText,
      url: 'https://ioffice.example/file.pdf',
      title: null,
    });
  });

  it("ignores other extensions' entries", async () => {
    const own = actions();
    listenForClipMenu(own);
    expect(clickListener()(info({ menuItemId: 'something-else' }), tab)).toBeUndefined();
    expect(own.capture).not.toHaveBeenCalled();
    expect(own.clipDocument).not.toHaveBeenCalled();
  });

  it('marks the toolbar button when a clip cannot be saved', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    listenForClipMenu(
      actions({ capture: (input) => captureClip({ db, requestSync: () => Promise.resolve() }, input) }),
    );
    await clickListener()(info({ selectionText: '   ' }), tab);
    expect(await db.items.count()).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toContain('Đoạn chọn không có chữ nào để lưu.');
  });

  it('saves a clip that repeats one of the month, and turns the badge amber with the earlier item as its tooltip', async () => {
    listenForClipMenu(
      actions({ capture: (input) => captureClip({ db, requestSync: () => Promise.resolve() }, input) }),
    );
    await clickListener()(info(), tab);
    expect(await fakeBrowser.action.getTitle({})).toBe('Gom');
    await clickListener()(info({ selectionText: 'góp ý dự thảo kế hoạch số 15/KH-UBND ' }), tab);
    expect(await db.items.count()).toBe(2);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([176, 96, 0, 255]);
    expect(await fakeBrowser.action.getTitle({})).toContain('“Góp ý dự thảo Kế hoạch số 15/KH-UBND”');
    // The next clip that repeats nothing puts the badge back.
    await clickListener()(info({ selectionText: 'Dự họp giao ban tuần' }), tab);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([95, 99, 104, 255]);
    expect(await fakeBrowser.action.getTitle({})).toBe('Gom');
  });

  it('removes its listener when disposed', () => {
    const dispose = listenForClipMenu(actions());
    dispose();
    expect(spies.removeListener).toHaveBeenCalledWith(clickListener());
  });
});
