import type { ReferenceOptions } from '../references';
import { scanLabels } from './labels';
import {
  completeMetadata,
  type DocumentMetadata,
  emptyMetadata,
  readField,
  type TextField,
  textFields,
} from './metadata';

/** Where a field's value is: an element's text, or an attribute of the row (or of an element in it). */
export interface FieldRule {
  selector?: string;
  attribute?: string;
}

/**
 * A document system's page described as data, run by `runAdapter`; a unit's administrator adds
 * one as JSON (validated by `siteAdapterSchema`) without a new release of the extension.
 */
export interface SiteAdapter {
  id: string;
  name: string;
  /** A host name with `*` wildcards: `*.vnptioffice.vn`. */
  hostPattern: string;
  /** `list`: one document a row; `detail`: the page is one document. */
  kind: 'list' | 'detail';
  direction: 'incoming' | 'outgoing' | null;
  /** A selector that only this system's page has. */
  detect: string;
  /** For a list, the rows. */
  rows?: string;
  /** For a detail page, fill what the selectors miss with the labels in this part of the page. */
  labels?: string;
  fields: Partial<Record<TextField, FieldRule>>;
}

function hostRegExp(pattern: string): RegExp {
  const escaped = pattern
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${escaped}$`);
}

export function hostMatches(pattern: string, host: string): boolean {
  return hostRegExp(pattern).test(host.toLowerCase());
}

/**
 * The adapter for a page: one whose host pattern matches and whose `detect` selector is found;
 * failing that, any adapter whose `detect` is found — agencies run the same system under their
 * own domains (`qlvb.hatinh.gov.vn`), so the page's structure is the better witness.
 */
export function pickAdapter(adapters: readonly SiteAdapter[], url: string, document: ParentNode): SiteAdapter | null {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // A page without a parseable address (about:blank, a PDF viewer) is matched on its structure alone.
  }
  const detected = adapters.filter((adapter) => {
    try {
      return document.querySelector(adapter.detect) !== null;
    } catch {
      return false;
    }
  });
  return detected.find((adapter) => host && hostMatches(adapter.hostPattern, host)) ?? detected[0] ?? null;
}

type Scope = ParentNode & { getAttribute?: (name: string) => string | null };

function readRule(scope: Scope, rule: FieldRule): string | null {
  const element: Scope | null = rule.selector ? scope.querySelector(rule.selector) : scope;
  if (!element) return null;
  if (rule.attribute) return element.getAttribute?.(rule.attribute) ?? null;
  return element.textContent ?? null;
}

function readDocument(adapter: SiteAdapter, scope: Scope): DocumentMetadata {
  const metadata = emptyMetadata();
  for (const field of textFields) {
    const rule = adapter.fields[field];
    if (rule) (metadata as unknown as Record<TextField, unknown>)[field] = readField(field, readRule(scope, rule));
  }
  metadata.direction = adapter.direction;
  return metadata;
}

/** The documents a page shows, as its adapter reads them: one a row of a list, or the one of a detail page. */
export function runAdapter(
  adapter: SiteAdapter,
  document: ParentNode,
  options: ReferenceOptions = {},
): DocumentMetadata[] {
  if (adapter.kind === 'list') {
    return [...document.querySelectorAll(adapter.rows ?? 'tr')].map((row) =>
      completeMetadata(readDocument(adapter, row), options),
    );
  }
  const read = readDocument(adapter, document);
  const scope = adapter.labels ? document.querySelector(adapter.labels) : null;
  if (scope) {
    const labelled = scanLabels(scope);
    for (const field of textFields) {
      if (read[field] === null) (read as unknown as Record<TextField, unknown>)[field] = labelled[field];
    }
    read.direction ??= labelled.direction;
  }
  return [completeMetadata(read, options)];
}
