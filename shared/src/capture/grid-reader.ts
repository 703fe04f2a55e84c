import { isReference, parseDocumentDate } from '../references';
import { fitOf, type PartialMetadata, readCell } from './cell-values';
import { fieldsNamed } from './columns';
import type { TextField } from './metadata';
import { visibleLines, visibleText } from './page-text';

/** A row of a table or grid whose header names document columns, read by its header. */
export interface GridRow {
  element: Element;
  values: PartialMetadata;
}

/** The rows of every table or grid of a page whose header row names a reference or a summary column. */
export interface GridRead {
  rows: GridRow[];
  /** Every field some header named: "Ngày đến" tells a register of received documents. */
  columns: Set<TextField>;
}

const CELL_ROLES = new Set(['gridcell', 'cell', 'columnheader', 'rowheader']);
const MAX_HEADER_CELL = 60;
const ALIGN_SAMPLE = 40;

function cellsOf(row: Element): Array<Element | null> {
  const cells: Array<Element | null> = [];
  for (const cell of row.children) {
    const tag = cell.tagName.toUpperCase();
    if (tag !== 'TD' && tag !== 'TH' && !CELL_ROLES.has(cell.getAttribute('role') ?? '')) continue;
    const span = Math.min(Math.max(Number(cell.getAttribute('colspan')) || 1, 1), 20);
    cells.push(cell);
    for (let i = 1; i < span; i += 1) cells.push(null);
  }
  return cells;
}

function rowsOf(grid: Element): Element[] {
  if (grid.tagName.toUpperCase() === 'TABLE') {
    return [...grid.querySelectorAll('tr')].filter((row) => row.closest('table') === grid);
  }
  return [...grid.querySelectorAll('[role="row"]')].filter(
    (row) => row.parentElement?.closest('[role="grid"], [role="table"], [role="treegrid"]') === grid,
  );
}

/** A row that names columns: two or more document columns, a reference or summary among them, no value. */
function headerOf(row: Element): TextField[][] | null {
  const cells = cellsOf(row);
  const names = cells.map((cell) => (cell ? visibleText(cell) : ''));
  if (names.some((name) => name.length > MAX_HEADER_CELL || isReference(name) || parseDocumentDate(name))) return null;
  const fields = names.map((name) => fieldsNamed(name));
  const named = fields.flat();
  const namedCells = fields.filter((f) => f.length > 0).length;
  if (namedCells < 2 || !(named.includes('reference') || named.includes('summary'))) return null;
  // A colspan spreads its names over the cells it covers: the data cells stay under their column.
  return fields.map((f, i) => (cells[i] === null ? [] : f));
}

/** Sum over sample rows of how well data cell `j` fits header column `i`. */
function fitTable(header: TextField[][], rows: Array<Array<Element | null>>): number[][] {
  const texts = rows.slice(0, ALIGN_SAMPLE).map((cells) => cells.map((cell) => (cell ? visibleText(cell) : '')));
  return header.map((fields) =>
    (texts[0] ?? []).map((_, j) => texts.reduce((sum, row) => sum + fitOf(fields, row[j] ?? ''), 0)),
  );
}

/**
 * Which data cell each header column reads when rows have more cells than the header (a checkbox,
 * an icon, a hidden id column a header does not name): the order-keeping placement whose cells
 * best fit their columns, ties going to one shift for the whole row.
 */
function alignColumns(header: TextField[][], rows: Array<Array<Element | null>>, width: number): number[] {
  const n = header.length;
  const extra = width - n;
  if (extra <= 0) return header.map((_, i) => i);
  const fit = fitTable(header, rows);
  const uniform = [...Array(extra + 1).keys()].map((k) => header.reduce((s, _, i) => s + (fit[i]?.[i + k] ?? 0), 0));
  const shift = uniform.indexOf(Math.max(...uniform));
  const score = (i: number, j: number) => (fit[i]?.[j] ?? 0) + (j - i === shift ? 0.001 : 0);
  const best: number[][] = [];
  const from: number[][] = [];
  for (let i = 0; i < n; i += 1) {
    best.push([]);
    from.push([]);
    for (let j = i; j <= i + extra; j += 1) {
      let prior = 0;
      let prev = -1;
      if (i > 0) {
        prior = Number.NEGATIVE_INFINITY;
        for (let p = i - 1; p < j; p += 1) {
          const value = best[i - 1]![p] ?? Number.NEGATIVE_INFINITY;
          if (value > prior) {
            prior = value;
            prev = p;
          }
        }
      }
      best[i]![j] = prior + score(i, j);
      from[i]![j] = prev;
    }
  }
  let j = -1;
  let top = Number.NEGATIVE_INFINITY;
  for (let k = n - 1; k <= n - 1 + extra; k += 1) {
    if ((best[n - 1]?.[k] ?? Number.NEGATIVE_INFINITY) > top) {
      top = best[n - 1]![k]!;
      j = k;
    }
  }
  const placed = new Array<number>(n);
  for (let i = n - 1; i >= 0; i -= 1) {
    placed[i] = j;
    j = from[i]![j]!;
  }
  return placed;
}

function readRows(header: TextField[][], rows: Element[]): GridRow[] {
  const cellRows = rows.map(cellsOf);
  const placements = new Map<number, number[]>();
  const read: GridRow[] = [];
  cellRows.forEach((cells, index) => {
    // Group rows ("Tháng 3/2021" across the table) and empty rows hold no document.
    if (cells.filter(Boolean).length < 2) return;
    let placed = placements.get(cells.length);
    if (!placed) {
      placed = alignColumns(
        header,
        cellRows.filter((other) => other.length === cells.length),
        cells.length,
      );
      placements.set(cells.length, placed);
    }
    const values: PartialMetadata = {};
    header.forEach((fields, i) => {
      const cell = cells[placed[i]!];
      if (!cell || fields.length === 0) return;
      const found = readCell(fields, visibleLines(cell));
      for (const [field, value] of Object.entries(found)) {
        (values as Record<string, unknown>)[field] ??= value;
      }
    });
    read.push({ element: rows[index]!, values });
  });
  return read;
}

/**
 * Tables and ARIA grids read by their header row. A header alone in its table (grids that
 * scroll their body, as DataTables and Kendo draw them) heads the next table that has none.
 */
export function readGrids(root: ParentNode): GridRead {
  const grids = [...root.querySelectorAll('table, [role="grid"], [role="table"], [role="treegrid"]')];
  const read: GridRead = { rows: [], columns: new Set() };
  let pending: TextField[][] | null = null;
  for (const grid of grids) {
    const rows = rowsOf(grid);
    const at = rows.findIndex((row) => headerOf(row) !== null);
    const header: TextField[][] | null = at >= 0 ? headerOf(rows[at]!) : pending;
    const body = at >= 0 ? rows.slice(at + 1) : rows;
    if (!header) continue;
    if (body.length === 0) {
      pending = header;
      continue;
    }
    pending = null;
    for (const fields of header) for (const field of fields) read.columns.add(field);
    read.rows.push(...readRows(header, body));
  }
  return read;
}
