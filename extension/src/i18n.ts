import { type Item, type ItemKind, type Period, periodTitle, type ReportKind } from '@gom/shared';
import type { PanelPeriodKind } from './features/period-choice';

type DirectiveStatus = NonNullable<Item['status']>;

/** An item quoted in a message: long clips are cut, the officer recognises one by its start. */
const quote = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

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
  | 'cannotReadPage'
  | 'noDocument'
  | 'missingFigure'
  | 'storageUnavailable'
  | 'unknown';

/** The fields whose overwritten edits the side panel shows (`lost-edits.ts`). */
export type LostFieldName =
  | 'text'
  | 'lead'
  | 'category'
  | 'kind'
  | 'occurredOn'
  | 'metric'
  | 'value'
  | 'dueOn'
  | 'status'
  | 'plannedFor'
  | 'deleted';

const viFields: Record<LostFieldName, string> = {
  text: 'nội dung',
  lead: 'cụm mở đầu',
  category: 'lĩnh vực',
  kind: 'loại',
  occurredOn: 'ngày',
  metric: 'chỉ tiêu',
  value: 'số liệu',
  dueOn: 'hạn',
  status: 'tình trạng',
  plannedFor: 'kỳ kế hoạch',
  deleted: 'trạng thái xoá',
};
const enFields: Record<LostFieldName, string> = {
  text: 'text',
  lead: 'lead',
  category: 'category',
  kind: 'kind',
  occurredOn: 'date',
  metric: 'metric',
  value: 'figure',
  dueOn: 'due date',
  status: 'status',
  plannedFor: 'planned period',
  deleted: 'deletion',
};

/** A clock offset in words: days, else hours and minutes. */
function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.round(ms / 60_000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
function durationVi(ms: number): string {
  const { days, hours, minutes } = durationParts(ms);
  if (days > 0) return `${days} ngày${hours > 0 ? ` ${hours} giờ` : ''}`;
  return hours > 0 ? `${hours} giờ ${minutes} phút` : `${minutes} phút`;
}
function durationEn(ms: number): string {
  const { days, hours, minutes } = durationParts(ms);
  if (days > 0) return `${days} day${days > 1 ? 's' : ''}${hours > 0 ? ` ${hours} h` : ''}`;
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
}

export interface Messages {
  languageName: string;
  /** The toolbar button's tooltip. */
  appName: string;
  /** `%s` is replaced by the browser with the selected text. */
  contextMenuTitle: string;
  clipFailedBadgeTitle: (error: string) => string;
  /** The tooltip of a clip saved although its period already holds the same text. */
  duplicateBadgeTitle: (earlier: string) => string;
  /** The page-context menu entries: no selection, the page's documents. */
  clipDocumentMenuTitle: string;
  gatherMenuTitle: string;
  gather: {
    title: string;
    intro: (count: number, page: string) => string;
    selectAll: string;
    selectNone: string;
    save: (count: number) => string;
    saving: string;
    saved: (count: number) => string;
    nothingFound: string;
    expired: string;
    cited: (parts: { reference: string | null; issuedOn: string | null; type: string | null }) => string;
    alreadyClipped: string;
    alreadyClippedTitle: (text: string) => string;
  };
  capture: {
    title: string;
    text: string;
    lead: string;
    category: string;
    /** `n` is the key that picks the suggestion: Alt+n. */
    suggestion: (n: number, title: string) => string;
    otherCategories: string;
    kind: string;
    kinds: Record<ItemKind, string>;
    occurredOn: string;
    metric: string;
    value: string;
    dueOn: string;
    status: string;
    statuses: Record<DirectiveStatus, string>;
    save: string;
    cancel: string;
    /** A context-menu clip held for review is not saved yet: the first Esc or Close says so. */
    unsavedClip: string;
    saved: string;
    keys: string;
    openSidePanel: string;
    fromDocument: (reference: string) => string;
    duplicate: (earlier: string) => string;
    saveAnyway: string;
  };
  /** Quick capture's offer to repair a clip that looks damaged (lost glyphs, legacy encoding). */
  repair: {
    title: string;
    /** `encodings` are names ("TCVN3 (ABC)"); `lost` the glyphs the PDF lost. */
    cause: (found: { encodings: string[]; lost: string[] }) => string;
    marked: string;
    accept: string;
    keep: string;
    accepted: string;
    restore: string;
  };
  sidePanel: {
    periodTitle: (period: Period) => string;
    periodKind: string;
    periodKinds: Record<PanelPeriodKind, string>;
    previousPeriod: string;
    nextPeriod: string;
    currentPeriod: string;
    pending: (count: number) => string;
    lastSync: (iso: string) => string;
    neverSynced: string;
    lastError: (error: string) => string;
    sync: string;
    syncing: string;
    synced: (pushed: number, pulled: number) => string;
    downloadReport: string;
    previewReport: string;
    teamReport: string;
    preparingReport: string;
    reportDownloaded: (fileName: string) => string;
    findings: (count: number) => string;
    syncBeforeReportFailed: (error: string) => string;
    openOptions: string;
    loading: string;
    /** The period's items could not be read from this browser's database. */
    listFailed: (error: string) => string;
    empty: string;
    search: string;
    allKinds: string;
    noMatch: string;
    edit: string;
    saveEdit: string;
    cancelEdit: string;
    moveUp: string;
    moveDown: string;
    moveTo: string;
    delete: string;
    deleted: (text: string) => string;
    undo: string;
    rowKeys: string;
    /** The unfinished plans of the period shown, offered for the next one. */
    carryOver: string;
    continuePlan: string;
    dismissCarryOver: string;
    copyText: string;
    copiedText: string;
    allAuthors: string;
    mine: string;
    others: string;
    fromDate: string;
    toDate: string;
    reported: string;
    reportedTitle: (periodId: string) => string;
  };
  clock: {
    /** The PC's clock is off by more than the server allows: writes are stamped by the server's time. */
    wrong: (offsetMs: number) => string;
    lostHeading: (count: number) => string;
    /** Her value that another PC's later edit replaced. */
    lost: (field: LostFieldName, item: string, value: string) => string;
    deletedByOther: (item: string) => string;
    restore: string;
    dismiss: string;
    empty: string;
    fields: Record<LostFieldName, string>;
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
    siteAdapters: string;
    siteAdaptersHint: string;
    saveSiteAdapters: string;
    siteAdaptersSaved: (count: number) => string;
    siteAdaptersRefused: string;
    shortcut: string;
    shortcutUnset: string;
    shortcutHint: string;
    reportSettings: string;
    reportSettingsHint: string;
    reportKind: string;
    reportKinds: Record<ReportKind, string>;
    parentAgency: string;
    agency: string;
    abbreviation: string;
    place: string;
    blankDay: string;
    addressees: string;
    recipients: string;
    linesHint: string;
    signerAuthority: string;
    signerTitle: string;
    signerName: string;
    saveReportSettings: string;
    reportSettingsSaved: string;
    reportSettingsSent: string;
    reportSettingsNotSent: (reason: string) => string;
    reportSettingsRefused: string;
    reportSettingsLoading: string;
    reportSettingsFromServer: string;
    reportSettingsServerEmpty: string;
    reportSettingsNotLoaded: (reason: string) => string;
  };
  report: {
    title: (period: string) => string;
    findingsNone: string;
    findingsTitle: (count: number) => string;
    editHint: string;
    exportDocx: string;
    exported: (fileName: string) => string;
    empty: string;
    issuedOn: string;
    joinHint: string;
    joinClause: string;
    joinSentence: string;
    joinNoBullet: string;
    joinRefused: string;
  };
  errors: Record<ErrorReason, string>;
}

const vi: Messages = {
  languageName: 'Tiếng Việt',
  appName: 'Gom',
  contextMenuTitle: 'Lưu vào Gom: “%s”',
  clipFailedBadgeTitle: (error) => `Gom chưa lưu được: ${error}`,
  duplicateBadgeTitle: (earlier) =>
    `Gom đã lưu, nhưng kỳ này đã có mục giống hệt: “${quote(earlier)}”. Xem lại trong danh sách của kỳ.`,
  clipDocumentMenuTitle: 'Gom: lưu văn bản đang xem',
  gatherMenuTitle: 'Gom: gom các văn bản trong danh sách này',
  gather: {
    title: 'Gom văn bản từ danh sách',
    intro: (count, page) =>
      `${count} văn bản trên trang “${page}”. Bỏ chọn những văn bản không đưa vào báo cáo rồi bấm Lưu.`,
    selectAll: 'Chọn tất cả',
    selectNone: 'Bỏ chọn tất cả',
    save: (count) => `Lưu ${count} mục`,
    saving: 'Đang lưu…',
    saved: (count) => `Đã lưu ${count} mục vào Gom.`,
    nothingFound: 'Không tìm thấy văn bản nào trên trang này.',
    expired: 'Danh sách đề xuất này không còn nữa (trình duyệt đã khởi động lại). Hãy gom lại từ trang danh sách.',
    cited: ({ reference, issuedOn, type }) =>
      [type, reference && `số ${reference}`, issuedOn && `ngày ${issuedOn.split('-').reverse().join('/')}`]
        .filter(Boolean)
        .join(' '),
    alreadyClipped: 'Đã có trong kỳ',
    alreadyClippedTitle: (text) => `Kỳ này đã có mục: “${text}”`,
  },
  capture: {
    title: 'Ghi nhanh vào Gom',
    text: 'Nội dung',
    lead: 'Cụm mở đầu',
    category: 'Lĩnh vực',
    suggestion: (n, title) => `Alt+${n}: ${title}`,
    otherCategories: 'Lĩnh vực khác',
    kind: 'Loại',
    kinds: { result: 'Kết quả', plan: 'Nhiệm vụ tới', stat: 'Số liệu', directive: 'Nhiệm vụ được giao' },
    occurredOn: 'Ngày thực hiện',
    metric: 'Chỉ tiêu',
    value: 'Số lượng',
    dueOn: 'Hạn xử lý',
    status: 'Tình trạng',
    statuses: { done: 'Đã hoàn thành', pending: 'Chưa đến hạn', overdue: 'Quá hạn' },
    save: 'Lưu (Enter)',
    cancel: 'Đóng (Esc)',
    unsavedClip: 'Đoạn đã chọn chưa được lưu. Nhấn Enter để lưu, hoặc Esc (Đóng) lần nữa để bỏ.',
    saved: 'Đã lưu vào Gom.',
    keys: 'Enter: lưu · Shift+Enter: xuống dòng · Esc: đóng · Alt+1, Alt+2, Alt+3: chọn lĩnh vực gợi ý',
    openSidePanel: 'Mở danh sách công việc trong kỳ',
    fromDocument: (reference) => `Văn bản nguồn: ${reference}`,
    duplicate: (earlier) => `Kỳ này đã có mục giống hệt: “${quote(earlier)}”. Nếu vẫn muốn lưu, bấm “Vẫn lưu”.`,
    saveAnyway: 'Vẫn lưu (Enter)',
  },
  repair: {
    title: 'Đoạn chọn có chữ bị lỗi: Gom đề xuất bản đã sửa',
    cause: ({ encodings, lost }) =>
      `Nguyên nhân: ${[
        ...encodings.map((name) => `văn bản gõ bằng mã cũ ${name}`),
        ...(lost.length ? [`chữ bị mất khi chép từ PDF (${lost.join(', ')})`] : []),
      ].join('; ')}.`,
    marked: 'Chữ tô màu là chữ Gom đã sửa; hãy đọc lại trước khi dùng.',
    accept: 'Dùng bản đã sửa (Enter)',
    keep: 'Giữ nguyên bản gốc',
    accepted: 'Bản đã sửa đã được đưa vào ô Nội dung; vẫn có thể sửa tiếp trong ô.',
    restore: 'Quay lại bản gốc',
  },
  sidePanel: {
    periodTitle: (period) => periodTitle(period),
    periodKind: 'Kỳ báo cáo',
    periodKinds: { week: 'Tuần', month: 'Tháng', quarter: 'Quý', half: '6 tháng', year: 'Năm' },
    previousPeriod: '‹ Kỳ trước',
    nextPeriod: 'Kỳ sau ›',
    currentPeriod: 'Kỳ này',
    pending: (count) => (count === 0 ? 'Đã gửi hết lên máy chủ' : `${count} thay đổi chờ đồng bộ`),
    lastSync: (iso) => `Đồng bộ lần cuối: ${new Date(iso).toLocaleString('vi-VN')}`,
    neverSynced: 'Chưa đồng bộ lần nào',
    lastError: (error) => `Lần đồng bộ gần nhất bị lỗi: ${error}`,
    sync: 'Đồng bộ',
    syncing: 'Đang đồng bộ…',
    synced: (pushed, pulled) => `Đã đồng bộ: gửi ${pushed} thay đổi, nhận ${pulled} mục.`,
    downloadReport: 'Lập báo cáo (.docx)',
    previewReport: 'Xem trước và sửa',
    teamReport: 'Báo cáo chung của đơn vị (từ máy chủ)',
    preparingReport: 'Đang lập báo cáo…',
    reportDownloaded: (fileName) => `Đã tải ${fileName}.`,
    findings: (count) => (count === 0 ? 'Kiểm tra: không thấy lỗi thường gặp.' : `Kiểm tra: ${count} điểm cần xem lại`),
    syncBeforeReportFailed: (error) =>
      `Chưa lập báo cáo vì chưa đồng bộ được, báo cáo sẽ thiếu các mục vừa lưu: ${error}`,
    openOptions: 'Cài đặt',
    loading: 'Đang tải…',
    listFailed: (error) =>
      `Không đọc được các mục đã lưu trong trình duyệt này: ${error}. Gom không xoá gì; hãy khởi động lại trình duyệt. Các mục đã đồng bộ vẫn còn trên máy chủ.`,
    empty: 'Chưa có mục nào trong kỳ này',
    search: 'Tìm trong kỳ',
    allKinds: 'Mọi loại',
    noMatch: 'Không có mục nào khớp',
    edit: 'Sửa',
    saveEdit: 'Lưu',
    cancelEdit: 'Huỷ',
    moveUp: 'Lên',
    moveDown: 'Xuống',
    moveTo: 'Chuyển sang lĩnh vực',
    delete: 'Xoá',
    deleted: (text) => `Đã xoá “${text.length > 60 ? `${text.slice(0, 60)}…` : text}”.`,
    undo: 'Hoàn tác',
    carryOver: 'Nhiệm vụ chưa hoàn thành, đưa sang kỳ sau?',
    continuePlan: 'Tiếp tục',
    dismissCarryOver: 'Bỏ qua',
    rowKeys: 'Enter: sửa · Alt+↑/↓: di chuyển · Delete: xoá · Kéo thả để chuyển mục sang lĩnh vực khác hoặc đổi thứ tự',
    copyText: 'Sao chép dạng văn bản',
    copiedText: 'Đã sao chép báo cáo dạng văn bản, dán vào nơi cần dùng.',
    allAuthors: 'Mọi người',
    mine: 'Của tôi',
    others: 'Của đồng nghiệp',
    fromDate: 'Từ ngày',
    toDate: 'Đến ngày',
    reported: 'Đã báo cáo',
    reportedTitle: (periodId) => `Đã có trong báo cáo chung kỳ ${periodId}`,
  },
  clock: {
    wrong: (offsetMs) =>
      `Đồng hồ máy tính này ${offsetMs > 0 ? 'chậm' : 'nhanh'} ${durationVi(Math.abs(offsetMs))} so với giờ máy chủ. Gom ghi ngày giờ các mục theo giờ máy chủ; hãy nhờ bộ phận CNTT chỉnh lại đồng hồ.`,
    lostHeading: (count) => `${count} nội dung bạn sửa đã bị bản sửa của máy khác thay thế`,
    lost: (field, item, value) => `“${quote(item)}”: ${viFields[field]} của bạn là “${quote(value)}”.`,
    deletedByOther: (item) => `“${quote(item)}” đã bị xoá ở máy khác.`,
    restore: 'Khôi phục bản của tôi',
    dismiss: 'Giữ bản mới',
    empty: '(trống)',
    fields: viFields,
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
    siteAdapters: 'Mẫu nhận dạng trang của đơn vị (JSON)',
    siteAdaptersHint:
      'Dành cho quản trị viên: mô tả trang danh sách hoặc chi tiết văn bản của hệ thống đơn vị đang dùng. Để trống nếu chỉ dùng các mẫu có sẵn.',
    saveSiteAdapters: 'Lưu mẫu nhận dạng',
    siteAdaptersSaved: (count) => (count === 0 ? 'Đã xoá các mẫu của đơn vị.' : `Đã lưu ${count} mẫu nhận dạng.`),
    siteAdaptersRefused: 'Chưa lưu, vì JSON có lỗi:',
    shortcut: 'Phím tắt ghi nhanh',
    shortcutUnset: 'Chưa đặt',
    shortcutHint: 'Đổi phím tắt trong trang quản lý tiện ích của trình duyệt (chrome://extensions/shortcuts).',
    reportSettings: 'Thông tin trên báo cáo',
    reportSettingsHint:
      'Phần đầu, nơi gửi, nơi nhận và người ký của từng loại báo cáo. Lưu trên máy này; biên tập viên được gửi lên máy chủ cho cả đơn vị. Để trống để dùng mẫu có sẵn.',
    reportKind: 'Loại báo cáo',
    reportKinds: {
      week: 'Báo cáo tuần',
      month: 'Báo cáo tháng',
      quarter: 'Báo cáo quý',
      half_year: 'Báo cáo 6 tháng',
      nine_months: 'Báo cáo 9 tháng',
      year: 'Báo cáo năm',
    },
    parentAgency: 'Cơ quan chủ quản',
    agency: 'Cơ quan ban hành',
    abbreviation: 'Chữ viết tắt (sau “BC-”)',
    place: 'Địa danh',
    blankDay: 'Để trống ngày, ghi tay khi ký',
    addressees: 'Kính gửi',
    recipients: 'Nơi nhận',
    linesHint: 'Mỗi dòng một nơi; dòng cuối của Nơi nhận là “Lưu: VT, …”.',
    signerAuthority: 'Thẩm quyền ký (KT., TL., …)',
    signerTitle: 'Chức vụ người ký',
    signerName: 'Họ và tên người ký',
    saveReportSettings: 'Lưu thông tin báo cáo',
    reportSettingsSaved: 'Đã lưu trên máy này.',
    reportSettingsSent: 'Đã lưu trên máy này và gửi lên máy chủ cho cả đơn vị.',
    reportSettingsNotSent: (reason) => `Đã lưu trên máy này, chưa gửi lên máy chủ: ${reason}`,
    reportSettingsRefused: 'Chưa lưu, vì thông tin chưa đúng:',
    reportSettingsLoading: 'Đang tải thông tin báo cáo…',
    reportSettingsFromServer: 'Đây là thông tin đơn vị đang dùng trên máy chủ.',
    reportSettingsServerEmpty: 'Máy chủ chưa có thông tin loại báo cáo này cho đơn vị; đây là bản lưu trên máy này.',
    reportSettingsNotLoaded: (reason) =>
      `Không tải được thông tin của đơn vị từ máy chủ; đây là bản lưu trên máy này. Lý do: ${reason}`,
  },
  report: {
    title: (period) => `Báo cáo ${period}`,
    findingsNone: 'Kiểm tra trước khi xuất: không thấy lỗi thường gặp.',
    findingsTitle: (count) => `Kiểm tra trước khi xuất: ${count} điểm cần xem lại`,
    editHint: 'Bấm vào một gạch đầu dòng để sửa. Sửa ở đây chỉ áp dụng cho bản xuất này, các mục đã lưu giữ nguyên.',
    exportDocx: 'Xuất báo cáo (.docx)',
    exported: (fileName) => `Đã tải ${fileName}.`,
    empty: 'Kỳ này chưa có mục nào.',
    issuedOn: 'Ngày ban hành',
    joinHint:
      'Muốn gộp hai gạch đầu dòng thành một: bấm vào gạch đầu dòng trên rồi chọn cách nối với gạch đầu dòng ngay sau.',
    joinClause: 'Nối với gạch đầu dòng sau bằng dấu “;”',
    joinSentence: 'Nối với gạch đầu dòng sau thành câu tiếp theo',
    joinNoBullet: 'Hãy bấm vào gạch đầu dòng cần nối trước.',
    joinRefused:
      'Không nối được: gạch đầu dòng này là gạch cuối của mục, đã bị xoá hết chữ, hoặc có chú thích ở chân trang.',
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
    cannotReadPage: 'Gom không đọc được trang này (trang của trình duyệt, cửa hàng tiện ích hoặc trang đã đóng).',
    noDocument: 'Không nhận ra văn bản nào trên trang này. Hãy chọn đoạn văn cần lưu rồi dùng “Lưu vào Gom”.',
    missingFigure: 'Một số liệu cần có chỉ tiêu và số lượng.',
    storageUnavailable: 'Trình duyệt không mở được kho dữ liệu của Gom trên máy này.',
    unknown: 'Đã có lỗi không mong muốn.',
  },
};

const en: Messages = {
  languageName: 'English',
  appName: 'Gom',
  contextMenuTitle: 'Save to Gom: “%s”',
  clipFailedBadgeTitle: (error) => `Gom could not save: ${error}`,
  duplicateBadgeTitle: (earlier) =>
    `Saved, but this period already has the same item: “${quote(earlier)}”. Check the period's list.`,
  clipDocumentMenuTitle: 'Gom: save the document shown',
  gatherMenuTitle: 'Gom: gather the documents of this list',
  gather: {
    title: 'Gather documents from a list',
    intro: (count, page) =>
      `${count} documents on “${page}”. Untick those that do not belong in the report, then Save.`,
    selectAll: 'Tick all',
    selectNone: 'Untick all',
    save: (count) => `Save ${count} items`,
    saving: 'Saving…',
    saved: (count) => `Saved ${count} items to Gom.`,
    nothingFound: 'No document found on this page.',
    expired: 'This list of proposals is gone (the browser restarted). Gather again from the list page.',
    cited: ({ reference, issuedOn, type }) =>
      [type, reference && `no. ${reference}`, issuedOn && `of ${issuedOn}`].filter(Boolean).join(' '),
    alreadyClipped: 'Already clipped',
    alreadyClippedTitle: (text) => `This period already holds: “${text}”`,
  },
  capture: {
    title: 'Quick capture',
    text: 'Text',
    lead: 'Lead',
    category: 'Category',
    suggestion: (n, title) => `Alt+${n}: ${title}`,
    otherCategories: 'Other categories',
    kind: 'Kind',
    kinds: { result: 'Result', plan: 'Plan', stat: 'Figure', directive: 'Directive' },
    occurredOn: 'Date',
    metric: 'Metric',
    value: 'Value',
    dueOn: 'Due date',
    status: 'Status',
    statuses: { done: 'Done', pending: 'Not yet due', overdue: 'Overdue' },
    save: 'Save (Enter)',
    cancel: 'Close (Esc)',
    unsavedClip: 'The clip is not saved yet. Press Enter to save it, or Esc (Close) again to discard it.',
    saved: 'Saved to Gom.',
    keys: 'Enter: save · Shift+Enter: new line · Esc: close · Alt+1, Alt+2, Alt+3: pick a suggested category',
    openSidePanel: 'Open the list of this period',
    fromDocument: (reference) => `Source document: ${reference}`,
    duplicate: (earlier) =>
      `This period already has the same item: “${quote(earlier)}”. To keep both, press “Save anyway”.`,
    saveAnyway: 'Save anyway (Enter)',
  },
  repair: {
    title: 'The selection looks damaged: Gom suggests a repaired text',
    cause: ({ encodings, lost }) =>
      `Cause: ${[
        ...encodings.map((name) => `text typed in the legacy ${name} encoding`),
        ...(lost.length ? [`letters lost when copying from a PDF (${lost.join(', ')})`] : []),
      ].join('; ')}.`,
    marked: 'Highlighted letters are the ones Gom changed; read them before using the text.',
    accept: 'Use the repaired text (Enter)',
    keep: 'Keep the original',
    accepted: 'The repaired text is now in the Text field; you can still edit it there.',
    restore: 'Back to the original',
  },
  sidePanel: {
    periodTitle: (period) => {
      switch (period.kind) {
        case 'month':
          return `${period.index}/${period.year}`;
        case 'quarter':
          return `Q${period.index} ${period.year}`;
        case 'half':
          return `H${period.index} ${period.year}`;
        case 'year':
          return String(period.year);
        case 'nine_months':
          return `9 months of ${period.year}`;
        default:
          return `${period.from} – ${period.to}`;
      }
    },
    periodKind: 'Period',
    periodKinds: { week: 'Week', month: 'Month', quarter: 'Quarter', half: '6 months', year: 'Year' },
    previousPeriod: '‹ Previous',
    nextPeriod: 'Next ›',
    currentPeriod: 'Current',
    pending: (count) => (count === 0 ? 'Everything is on the server' : `${count} changes waiting to sync`),
    lastSync: (iso) => `Last synced: ${new Date(iso).toLocaleString('en-GB')}`,
    neverSynced: 'Never synced',
    lastError: (error) => `The last sync failed: ${error}`,
    sync: 'Sync',
    syncing: 'Syncing…',
    synced: (pushed, pulled) => `Synced: sent ${pushed} changes, received ${pulled} items.`,
    downloadReport: 'Make the report (.docx)',
    previewReport: 'Preview and edit',
    teamReport: "The unit's report (from the server)",
    preparingReport: 'Preparing the report…',
    reportDownloaded: (fileName) => `Downloaded ${fileName}.`,
    findings: (count) => (count === 0 ? 'Check: no usual mistake found.' : `Check: ${count} points to look at`),
    syncBeforeReportFailed: (error) =>
      `No report yet: the sync failed, so the report would miss your latest items: ${error}`,
    openOptions: 'Settings',
    loading: 'Loading…',
    listFailed: (error) =>
      `Cannot read the items saved in this browser: ${error}. Gom deleted nothing; restart the browser. Items already synced are safe on the server.`,
    empty: 'No items in this period yet',
    search: 'Search this period',
    allKinds: 'All kinds',
    noMatch: 'No item matches',
    edit: 'Edit',
    saveEdit: 'Save',
    cancelEdit: 'Cancel',
    moveUp: 'Up',
    moveDown: 'Down',
    moveTo: 'Move to category',
    delete: 'Delete',
    deleted: (text) => `Deleted “${text.length > 60 ? `${text.slice(0, 60)}…` : text}”.`,
    undo: 'Undo',
    carryOver: 'Unfinished plans: carry them over to the next period?',
    continuePlan: 'Continue',
    dismissCarryOver: 'Dismiss',
    rowKeys: 'Enter: edit · Alt+↑/↓: move · Delete: delete · Drag to move an item to another category or reorder',
    copyText: 'Copy as text',
    copiedText: 'The report is copied as text: paste it where you need it.',
    allAuthors: 'Everyone',
    mine: 'Mine',
    others: "Colleagues'",
    fromDate: 'From',
    toDate: 'To',
    reported: 'Reported',
    reportedTitle: (periodId) => `Already in the unit's report of ${periodId}`,
  },
  clock: {
    wrong: (offsetMs) =>
      `This computer's clock is ${durationEn(Math.abs(offsetMs))} ${offsetMs > 0 ? 'behind' : 'ahead of'} the server's. Gom dates and stamps your items by the server's time; ask IT to set the clock right.`,
    lostHeading: (count) => `${count} of your edits were replaced by a later edit on another computer`,
    lost: (field, item, value) => `“${quote(item)}”: your ${enFields[field]} was “${quote(value)}”.`,
    deletedByOther: (item) => `“${quote(item)}” was deleted on another computer.`,
    restore: 'Restore mine',
    dismiss: 'Keep the new one',
    empty: '(empty)',
    fields: enFields,
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
    siteAdapters: "The unit's page adapters (JSON)",
    siteAdaptersHint:
      "For administrators: describe the document list or detail pages of the unit's document system. Leave empty to use the built-in ones only.",
    saveSiteAdapters: 'Save the adapters',
    siteAdaptersSaved: (count) => (count === 0 ? "The unit's adapters were removed." : `Saved ${count} adapters.`),
    siteAdaptersRefused: 'Not saved; the JSON has errors:',
    shortcut: 'Quick capture shortcut',
    shortcutUnset: 'Not set',
    shortcutHint: "Change it on the browser's extension shortcuts page (chrome://extensions/shortcuts).",
    reportSettings: 'On the reports',
    reportSettingsHint:
      "Header, addressees, recipients and signer of each kind of report. Kept on this computer; an editor's are sent to the server for the whole unit. Leave empty to use the template's.",
    reportKind: 'Kind of report',
    reportKinds: {
      week: 'Weekly report',
      month: 'Monthly report',
      quarter: 'Quarterly report',
      half_year: '6-month report',
      nine_months: '9-month report',
      year: 'Annual report',
    },
    parentAgency: 'Parent agency',
    agency: 'Issuing agency',
    abbreviation: 'Abbreviation (after “BC-”)',
    place: 'Place',
    blankDay: 'Leave the day blank, written in at signing',
    addressees: 'Addressed to',
    recipients: 'Recipients (Nơi nhận)',
    linesHint: 'One a line; the last recipient is “Lưu: VT, …”.',
    signerAuthority: 'Signing authority (KT., TL., …)',
    signerTitle: "Signer's title",
    signerName: "Signer's name",
    saveReportSettings: 'Save the report settings',
    reportSettingsSaved: 'Saved on this computer.',
    reportSettingsSent: 'Saved on this computer and sent to the server for the whole unit.',
    reportSettingsNotSent: (reason) => `Saved on this computer, not sent to the server: ${reason}`,
    reportSettingsRefused: 'Not saved; the settings have errors:',
    reportSettingsLoading: 'Loading the report settings…',
    reportSettingsFromServer: 'These are the settings the unit uses on the server.',
    reportSettingsServerEmpty:
      'The server has no settings of this kind for the unit yet; this is the copy on this computer.',
    reportSettingsNotLoaded: (reason) =>
      `Could not load the unit’s settings from the server; this is the copy on this computer. Reason: ${reason}`,
  },
  report: {
    title: (period) => `Report ${period}`,
    findingsNone: 'Checked before export: no usual mistake found.',
    findingsTitle: (count) => `Checked before export: ${count} points to look at`,
    editHint: 'Click a bullet to edit it. Edits here change this export only; the saved items stay as they are.',
    exportDocx: 'Export the report (.docx)',
    exported: (fileName) => `Downloaded ${fileName}.`,
    empty: 'No items in this period yet.',
    issuedOn: 'Date of issue',
    joinHint: 'To make two bullets one: click the upper bullet, then choose how to join it with the bullet just below.',
    joinClause: 'Join with the next bullet by “;”',
    joinSentence: 'Join with the next bullet as the next sentence',
    joinNoBullet: 'Click the bullet to join first.',
    joinRefused: 'Cannot join: this bullet is the last of its section, was emptied, or carries a footnote.',
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
    cannotReadPage: 'Gom cannot read this page (a browser page, the extension store, or a closed tab).',
    noDocument: 'No document recognised on this page. Select the text to keep and use “Save to Gom”.',
    missingFigure: 'A figure needs a metric and a value.',
    storageUnavailable: "The browser cannot open Gom's storage on this computer.",
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
