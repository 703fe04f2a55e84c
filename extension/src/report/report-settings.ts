import {
  defaultTaxonomy,
  defaultTemplates,
  type ReportKind,
  type ReportSettings,
  type ReportTemplate,
  reportKindSchema,
  reportKinds,
  reportSettingsSchema,
  type UnitProfile,
} from '@gom/shared';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { loadSettings } from '../settings';
import { bearer, callServer, type Fetch, readJson } from '../sync/server-api';

/** Each kind of report's settings, as this browser keeps them. */
export type LocalReportSettings = Partial<Record<ReportKind, ReportSettings>>;

const STORAGE_KEY = 'reportSettings';

/**
 * The stored settings, kind by kind; a kind whose stored value no longer validates (written by an
 * older version) is dropped rather than let it break every report of that kind.
 */
export async function loadReportSettings(): Promise<LocalReportSettings> {
  const stored = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  const out: LocalReportSettings = {};
  if (!stored || typeof stored !== 'object') return out;
  for (const kind of reportKinds) {
    const parsed = reportSettingsSchema.safeParse((stored as Record<string, unknown>)[kind]);
    if (parsed.success) out[kind] = parsed.data;
  }
  return out;
}

/** What the options form holds for one kind: text fields, and lists as one entry a line. */
export interface ReportSettingsForm {
  parentAgency: string;
  agency: string;
  abbreviation: string;
  place: string;
  blankDay: boolean;
  addressees: string;
  recipients: string;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
}

export function formFromSettings(settings: ReportSettings = {}): ReportSettingsForm {
  return {
    parentAgency: settings.parentAgency ?? '',
    agency: settings.agency ?? '',
    abbreviation: settings.abbreviation ?? '',
    place: settings.place ?? '',
    blankDay: settings.blankDay ?? false,
    addressees: (settings.addressees ?? []).join('\n'),
    recipients: (settings.recipients ?? []).join('\n'),
    signerAuthority: settings.signer?.authority ?? '',
    signerTitle: settings.signer?.title ?? '',
    signerName: settings.signer?.name ?? '',
  };
}

/** An object of the fields that are set; none set, undefined. */
function definedOnly<T extends object>(fields: T): Partial<T> | undefined {
  const set = Object.entries(fields).filter(([, value]) => value !== undefined);
  return set.length > 0 ? (Object.fromEntries(set) as Partial<T>) : undefined;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim().replace(/^-\s*/, ''))
    .filter(Boolean);

/**
 * The settings a form says, validated by the schema the server applies; an empty field means
 * "the template's", field by field (the signer's name alone is a setting of its own). Cut-off and
 * week span are not in the form: they are kept as they were.
 */
export function settingsFromForm(
  form: ReportSettingsForm,
  kept: ReportSettings = {},
): { ok: true; settings: ReportSettings } | { ok: false; errors: string } {
  const text = (value: string) => value.trim() || undefined;
  const addressees = lines(form.addressees);
  const recipients = lines(form.recipients);
  const candidate: ReportSettings = {
    ...(kept.cutoff ? { cutoff: kept.cutoff } : {}),
    ...(kept.week ? { week: kept.week } : {}),
    parentAgency: text(form.parentAgency),
    agency: text(form.agency),
    abbreviation: text(form.abbreviation),
    place: text(form.place),
    blankDay: form.blankDay || undefined,
    addressees: addressees.length > 0 ? addressees : undefined,
    recipients: recipients.length > 0 ? recipients : undefined,
    signer: definedOnly({
      authority: text(form.signerAuthority),
      title: text(form.signerTitle),
      name: text(form.signerName),
    }),
  };
  const parsed = reportSettingsSchema.safeParse(definedOnly(candidate) ?? {});
  if (!parsed.success) return { ok: false, errors: z.prettifyError(parsed.error) };
  return { ok: true, settings: parsed.data };
}

/**
 * The form as the kind's template and the unit fill it: what an empty field stands for, shown in
 * it, so that the officer sees the values in force and not a blank.
 */
export function templateDefaults(
  kind: ReportKind,
  templates: ReportTemplate[] = defaultTemplates,
  unit: UnitProfile = defaultTaxonomy.unit,
): ReportSettingsForm {
  const template = templates.find((candidate) => candidate.kind === kind);
  return formFromSettings({
    parentAgency: unit.parentAgency,
    agency: unit.agency,
    abbreviation: unit.abbreviation,
    place: unit.place,
    ...(template ? { addressees: template.addressees, recipients: template.recipients, signer: template.signer } : {}),
  });
}

/** The form's fields a saved setting sets, in the form's order: what the officer is told she saved. */
export function fieldsSet(settings: ReportSettings): Array<keyof ReportSettingsForm> {
  const form = formFromSettings(settings);
  return (Object.keys(form) as Array<keyof ReportSettingsForm>).filter(
    (name) => form[name] !== '' && form[name] !== false,
  );
}

export async function saveReportSettingsLocally(kind: ReportKind, settings: ReportSettings): Promise<void> {
  const all = await loadReportSettings();
  await browser.storage.local.set({ [STORAGE_KEY]: { ...all, [kind]: settings } });
}

/** The unit's settings of a kind on the server (`PUT /v1/report-settings/{kind}`); editors only, the server says. */
export async function sendReportSettings({
  serverUrl,
  token,
  kind,
  settings,
  fetch = globalThis.fetch,
}: {
  serverUrl: string;
  token: string;
  kind: ReportKind;
  settings: ReportSettings;
  fetch?: Fetch;
}): Promise<void> {
  await callServer(fetch, `${serverUrl}/v1/report-settings/${kind}`, {
    method: 'PUT',
    headers: { ...bearer(token), 'Content-Type': 'application/json' },
    body: JSON.stringify(settings),
  });
}

const unitSettingsSchema = z.object({ kind: reportKindSchema, settings: reportSettingsSchema });

/** The unit's settings of a kind on the server (`GET /v1/report-settings/{kind}`); editors only, the server says. */
export async function fetchReportSettings({
  serverUrl,
  token,
  kind,
  fetch = globalThis.fetch,
}: {
  serverUrl: string;
  token: string;
  kind: ReportKind;
  fetch?: Fetch;
}): Promise<ReportSettings> {
  const response = await callServer(fetch, `${serverUrl}/v1/report-settings/${kind}`, { headers: bearer(token) });
  return (await readJson(response, unitSettingsSchema)).settings;
}

/**
 * Where the settings the options form shows come from: the unit's on the server (`unit`); this
 * browser's copy when no server is set up (`local`), when the server has none of that kind yet
 * (`unitEmpty`) or when it could not be read (`failed`, with the reason: a member is refused).
 */
export type SettingsToEdit =
  | { from: 'unit' | 'unitEmpty' | 'local'; settings: ReportSettings }
  | { from: 'failed'; settings: ReportSettings; error: unknown };

/**
 * The settings of a kind an officer should edit: the unit's, which its reports are made with,
 * when the server has them; otherwise this browser's own copy.
 */
export async function settingsToEdit(
  kind: ReportKind,
  local: LocalReportSettings,
  fetch: Fetch = globalThis.fetch,
): Promise<SettingsToEdit> {
  const own = local[kind] ?? {};
  const { serverUrl, token } = await loadSettings();
  if (!serverUrl || !token) return { from: 'local', settings: own };
  try {
    const unit = await fetchReportSettings({ serverUrl, token, kind, fetch });
    return Object.keys(unit).length > 0 ? { from: 'unit', settings: unit } : { from: 'unitEmpty', settings: own };
  } catch (error) {
    return { from: 'failed', settings: own, error };
  }
}
