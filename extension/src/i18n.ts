import { type MonthPeriod, monthTitle } from '@gom/shared';

/**
 * Every string the interface shows. Vietnamese is the default: officers work in it, whatever
 * language their browser is set to; English is there for administrators and support.
 */
export type Locale = 'vi' | 'en';
export const locales: readonly Locale[] = ['vi', 'en'];

/** Why an action failed, in the words an officer can act on. */
export type ErrorReason =
  | 'notConfigured'
  | 'invalidServerUrl'
  | 'network'
  | 'badRequest'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'tooLarge'
  | 'rateLimited'
  | 'serverDown'
  | 'badResponse'
  | 'unexpectedStatus'
  | 'emptyClip'
  | 'invalidItem'
  | 'unknown';

export interface Messages {
  languageName: string;
  /** The toolbar button's tooltip. */
  appName: string;
  /** `%s` is replaced by the browser with the selected text. */
  contextMenuTitle: string;
  clipFailedBadgeTitle: (error: string) => string;
  sidePanel: {
    periodTitle: (period: MonthPeriod) => string;
    pending: (count: number) => string;
    lastSync: (iso: string) => string;
    neverSynced: string;
    lastError: (error: string) => string;
    sync: string;
    syncing: string;
    synced: (pushed: number, pulled: number) => string;
    downloadReport: string;
    preparingReport: string;
    reportDownloaded: (fileName: string) => string;
    syncBeforeReportFailed: (error: string) => string;
    openOptions: string;
    loading: string;
    empty: string;
  };
  options: {
    title: string;
    serverUrl: string;
    serverUrlHint: string;
    token: string;
    tokenHint: string;
    language: string;
    save: string;
    saved: string;
    testConnection: string;
    testing: string;
    connectionOk: string;
  };
  errors: Record<ErrorReason, string>;
}

const vi: Messages = {
  languageName: 'Tiếng Việt',
  appName: 'Gom',
  contextMenuTitle: 'Lưu vào Gom: “%s”',
  clipFailedBadgeTitle: (error) => `Gom chưa lưu được đoạn vừa chọn: ${error}`,
  sidePanel: {
    periodTitle: (period) => monthTitle(period),
    pending: (count) => (count === 0 ? 'Đã gửi hết lên máy chủ' : `${count} thay đổi chờ đồng bộ`),
    lastSync: (iso) => `Đồng bộ lần cuối: ${new Date(iso).toLocaleString('vi-VN')}`,
    neverSynced: 'Chưa đồng bộ lần nào',
    lastError: (error) => `Lần đồng bộ gần nhất bị lỗi: ${error}`,
    sync: 'Đồng bộ',
    syncing: 'Đang đồng bộ…',
    synced: (pushed, pulled) => `Đã đồng bộ: gửi ${pushed} thay đổi, nhận ${pulled} mục.`,
    downloadReport: 'Tải báo cáo tháng (.docx)',
    preparingReport: 'Đang lập báo cáo…',
    reportDownloaded: (fileName) => `Đã tải ${fileName}.`,
    syncBeforeReportFailed: (error) =>
      `Chưa lập báo cáo vì chưa đồng bộ được, báo cáo sẽ thiếu các mục vừa lưu: ${error}`,
    openOptions: 'Cài đặt',
    loading: 'Đang tải…',
    empty: 'Chưa có mục nào trong tháng này',
  },
  options: {
    title: 'Cài đặt Gom',
    serverUrl: 'Địa chỉ máy chủ Gom',
    serverUrlHint: 'Ví dụ: https://gom.songoaivu.gov.vn',
    token: 'Mã truy cập',
    tokenHint: 'Quản trị viên cấp cho mỗi người một mã.',
    language: 'Ngôn ngữ giao diện',
    save: 'Lưu',
    saved: 'Đã lưu',
    testConnection: 'Kiểm tra kết nối',
    testing: 'Đang kiểm tra…',
    connectionOk: 'Kết nối tốt: máy chủ Gom đang hoạt động.',
  },
  errors: {
    notConfigured: 'Chưa nhập địa chỉ máy chủ Gom và mã truy cập. Hãy mở phần Cài đặt.',
    invalidServerUrl: 'Địa chỉ máy chủ phải bắt đầu bằng https:// hoặc http://',
    network: 'Không kết nối được tới máy chủ Gom. Hãy kiểm tra mạng và địa chỉ máy chủ; các mục đã lưu vẫn được giữ.',
    badRequest: 'Máy chủ Gom từ chối dữ liệu gửi lên.',
    unauthorized: 'Mã truy cập không đúng hoặc đã bị thu hồi. Hãy nhập lại mã trong phần Cài đặt.',
    forbidden: 'Tài khoản này không có quyền làm việc này.',
    notFound: 'Máy chủ không có địa chỉ này. Hãy kiểm tra địa chỉ máy chủ trong phần Cài đặt.',
    tooLarge: 'Dữ liệu gửi lên quá lớn.',
    rateLimited: 'Máy chủ Gom đang bận, sẽ thử lại sau ít phút.',
    serverDown: 'Máy chủ Gom đang gặp sự cố, sẽ thử lại sau; các mục đã lưu vẫn được giữ.',
    badResponse: 'Máy chủ trả lời không đúng định dạng của Gom. Hãy kiểm tra địa chỉ máy chủ.',
    unexpectedStatus: 'Máy chủ Gom trả lời bất thường.',
    emptyClip: 'Đoạn chọn không có chữ nào để lưu.',
    invalidItem: 'Mục không hợp lệ nên chưa được lưu.',
    unknown: 'Đã có lỗi không mong muốn.',
  },
};

const en: Messages = {
  languageName: 'English',
  appName: 'Gom',
  contextMenuTitle: 'Save to Gom: “%s”',
  clipFailedBadgeTitle: (error) => `Gom could not save the selection: ${error}`,
  sidePanel: {
    periodTitle: (period) => `${period.month}/${period.year}`,
    pending: (count) => (count === 0 ? 'Everything is on the server' : `${count} changes waiting to sync`),
    lastSync: (iso) => `Last synced: ${new Date(iso).toLocaleString('en-GB')}`,
    neverSynced: 'Never synced',
    lastError: (error) => `The last sync failed: ${error}`,
    sync: 'Sync',
    syncing: 'Syncing…',
    synced: (pushed, pulled) => `Synced: sent ${pushed} changes, received ${pulled} items.`,
    downloadReport: 'Download the monthly report (.docx)',
    preparingReport: 'Preparing the report…',
    reportDownloaded: (fileName) => `Downloaded ${fileName}.`,
    syncBeforeReportFailed: (error) =>
      `No report yet: the sync failed, so the report would miss your latest items: ${error}`,
    openOptions: 'Settings',
    loading: 'Loading…',
    empty: 'No items this month yet',
  },
  options: {
    title: 'Gom settings',
    serverUrl: 'Gom server address',
    serverUrlHint: 'For example: https://gom.example.gov.vn',
    token: 'Access token',
    tokenHint: 'Your administrator gives each person a token.',
    language: 'Interface language',
    save: 'Save',
    saved: 'Saved',
    testConnection: 'Test the connection',
    testing: 'Testing…',
    connectionOk: 'Connected: the Gom server is up.',
  },
  errors: {
    notConfigured: 'The Gom server address and access token are not set. Open the settings.',
    invalidServerUrl: 'The server address must start with https:// or http://',
    network: 'Cannot reach the Gom server. Check the network and the server address; saved items are kept.',
    badRequest: 'The Gom server refused the data.',
    unauthorized: 'The access token is wrong or was revoked. Enter it again in the settings.',
    forbidden: 'This account is not allowed to do that.',
    notFound: 'The server has no such address. Check the server address in the settings.',
    tooLarge: 'The data sent is too large.',
    rateLimited: 'The Gom server is busy; Gom will retry in a few minutes.',
    serverDown: 'The Gom server has a problem; Gom will retry later. Saved items are kept.',
    badResponse: 'The server did not answer as a Gom server does. Check the server address.',
    unexpectedStatus: 'The Gom server gave an unexpected answer.',
    emptyClip: 'The selection has no text to save.',
    invalidItem: 'The item is not valid, so it was not saved.',
    unknown: 'Something unexpected went wrong.',
  },
};

const catalog: Record<Locale, Messages> = { vi, en };
let active: Messages = vi;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function setLocale(locale: Locale): void {
  active = catalog[locale];
}

/** The strings of the language chosen in the settings (Vietnamese until one is loaded). */
export function t(): Messages {
  return active;
}

export function messagesFor(locale: Locale): Messages {
  return catalog[locale];
}
