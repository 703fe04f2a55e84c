import { dayMonthYear } from '@gom/shared';
import { durationParts, localDateTime, quote } from './format';
import type { LostFieldName, Messages } from './messages';

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

function durationEn(ms: number): string {
  const { days, hours, minutes } = durationParts(ms);
  if (days > 0) return `${days} day${days > 1 ? 's' : ''}${hours > 0 ? ` ${hours} h` : ''}`;
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
}

export const en: Messages = {
  languageName: 'English',
  appName: 'Gom',
  contextMenuTitle: 'Save to Gom: “%s”',
  clipFailedBadgeTitle: (error) => `Gom could not save: ${error}`,
  duplicateBadgeTitle: (earlier) =>
    `Saved, but this period already has the same item: “${quote(earlier)}”. Check the period's list.`,
  clipDocumentMenuTitle: 'Gom: save the document shown',
  gatherMenuTitle: 'Gom: gather the documents of this list',
  datePlaceholder: 'dd/mm/yyyy',
  dateInvalid: 'Not a date: type day/month/year, e.g. 07/12/2026.',
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
      [type, reference && `no. ${reference}`, issuedOn && `of ${dayMonthYear(issuedOn)}`].filter(Boolean).join(' '),
    alreadyClipped: 'Already clipped',
    alreadyClippedTitle: (text) => `This period already holds: “${text}”`,
    rowText: 'Text',
    rowCategory: 'Category',
    rowDate: 'Date done',
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
    periodIndex: (kind, index) =>
      kind === 'quarter'
        ? `Q${index}`
        : kind === 'half'
          ? `H${index}`
          : `${kind === 'week' ? 'Week' : 'Month'} ${index}`,
    previousPeriod: '‹ Previous',
    nextPeriod: 'Next ›',
    currentPeriod: 'Current',
    pending: (count) => (count === 0 ? 'Everything is on the server' : `${count} changes waiting to sync`),
    lastSync: (iso) => `Last synced: ${localDateTime(iso)}`,
    neverSynced: 'Never synced',
    lastError: (error) => `The last sync failed: ${error}`,
    sync: 'Sync',
    syncing: 'Syncing…',
    synced: (pushed, pulled) => `Synced: sent ${pushed} changes, received ${pulled} items.`,
    downloadReport: 'Make the report (.docx)',
    previewReport: 'Preview and edit',
    teamReport: "The unit's report (from the server)",
    preparingReport: 'Preparing the report…',
    ownReportDownloaded: (fileName) => `Downloaded your own report (the items on this computer): ${fileName}.`,
    unitReportDownloaded: (fileName) =>
      `Downloaded the unit’s report (everyone’s items, from the server): ${fileName}.`,
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
    connectionOk: (name, unit) => `Connected as ${name}, ${unit}.`,
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
    reportSettingsDefaultsHint: 'An empty field uses the template’s value, shown greyed in it.',
    reportSettingsFields: (kind, fields) =>
      fields.length === 0
        ? `${kind}: no field filled in, everything as the template has it.`
        : `${kind}: saved ${fields.join(', ')}; empty fields as the template has them.`,
    reportSettingsNotLoaded: (reason) =>
      `Could not load the unit’s settings from the server; this is the copy on this computer. Reason: ${reason}`,
  },
  report: {
    title: (period) => `Report for ${en.sidePanel.periodTitle(period)}`,
    findingsNone: 'Checked before export: no usual mistake found.',
    findingsTitle: (count) => `Checked before export: ${count} points to look at`,
    editHint: 'Click a bullet to edit it. Edits here change this export only; the saved items stay as they are.',
    exportDocx: 'Export the report (.docx)',
    exported: (fileName) => `Downloaded your own report (the items on this computer): ${fileName}.`,
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
    cannotReadPage: 'Gom could not read this page. Reload the page and try again.',
    noPageAccess:
      'Gom is not allowed to read this page. Click the Gom icon in the toolbar (or press Gom’s shortcut) while the page is open, then try again; to allow it for good, right-click the Gom icon and choose “This can read and change site data” › “On this site”.',
    browserPage:
      'This is a browser or extension store page: the browser lets no extension read it. Open the document on its document system’s web page.',
    pageGone: 'The page closed or moved on before Gom had read it. Open it again and try again.',
    noDocument: 'No document recognised on this page. Select the text to keep and use “Save to Gom”.',
    missingFigure: 'A figure needs a metric and a value.',
    storageUnavailable: "The browser cannot open Gom's storage on this computer.",
    unknown: 'Something unexpected went wrong.',
  },
};
