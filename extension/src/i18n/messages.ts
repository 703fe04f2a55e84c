import type { Item, ItemKind, Period, ReportKind } from '@gom/shared';

type DirectiveStatus = NonNullable<Item['status']>;

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
  | 'noPageAccess'
  | 'browserPage'
  | 'pageGone'
  | 'noDocument'
  | 'missingFigure'
  | 'storageUnavailable'
  | 'unknown';

/** The fields whose overwritten edits the side panel shows (`store/lost-edits.ts`). */
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

/** The periods the side panel switches between, as officers report (`period/panel-periods.ts`). */
export type PanelPeriodKind = 'week' | 'month' | 'quarter' | 'half' | 'year';

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
  /** A date field's hint and its complaint: dates are typed day first, whatever the browser's locale. */
  datePlaceholder: string;
  dateInvalid: string;
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
    rowText: string;
    rowCategory: string;
    rowDate: string;
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
    /** A period's place in its year, in the direct picker: "Tháng 3", "Quý I", "Tuần 12". */
    periodIndex: (kind: PanelPeriodKind, index: number) => string;
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
    /** The officer's own report, made offline from this browser's items; the unit's, from the server. */
    ownReportDownloaded: (fileName: string) => string;
    unitReportDownloaded: (fileName: string) => string;
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
    /** The server answered and the token signs in as this officer of this unit. */
    connectionOk: (name: string, unit: string) => string;
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
    /** Under the form: an empty field shows, greyed, the template's value it stands for. */
    reportSettingsDefaultsHint: string;
    /** After a save: which fields of which kind of report were saved (the rest are the template's). */
    reportSettingsFields: (kind: string, fields: string[]) => string;
  };
  report: {
    /** The preview's heading, as the report names its period: "Báo cáo tháng 3/2021". */
    title: (period: Period) => string;
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
