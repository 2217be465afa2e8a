import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { InvalidInput } from '../../platform/errors.ts';

/** Reading a stock feed: CSV, NDJSON or a JSON body, as chunks of raw rows, and how each format names a line in errors. */

export type FeedFormat = 'csv' | 'ndjson' | 'json';

/** One row as the sender wrote it, before it is checked. `unreadable` says why a line could not be read at all. */
export interface RawFeedRow {
  line: number;
  sku?: unknown;
  location?: unknown;
  quantity?: unknown;
  unreadable?: string;
}

export const CHUNK_ROWS = 5000;
/** A refused feed names at most this many wrong rows. */
export const MAX_ERRORS = 100;
export const INVALID_FEED = 'The feed has invalid rows; nothing was applied.';

/** CSV and NDJSON errors name the line of the file; a JSON body's name the row of `rows`. */
export const fieldOf = (format: FeedFormat, line: number, column: string) => (format === 'json' ? `body.rows.${line - 1}.${column}` : `line ${line}.${column}`);

/**
 * CSV with a header naming `sku`, `location` (optional when the feed names one location) and `quantity`, in any
 * order; a BOM, CRLF line ends and quoted fields are fine. Lines are numbered as in the file, the header being 1.
 * The input is never destroyed here: an HTTP request stays readable so the server can still answer.
 */
export async function* csvRows(input: Readable, options: { feedLocation: boolean }): AsyncGenerator<RawFeedRow[]> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let columns: { sku: number; location: number; quantity: number } | undefined;
  let chunk: RawFeedRow[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (columns) {
        chunk.push({
          line: info.lines,
          sku: record[columns.sku],
          location: columns.location < 0 ? undefined : record[columns.location],
          quantity: record[columns.quantity],
        });
        if (chunk.length === CHUNK_ROWS) {
          yield chunk;
          chunk = [];
        }
        continue;
      }
      const names = record.map((name) => name.toLowerCase());
      columns = { sku: names.indexOf('sku'), location: names.indexOf('location'), quantity: names.indexOf('quantity') };
      const required: ('sku' | 'location' | 'quantity')[] = options.feedLocation ? ['sku', 'quantity'] : ['sku', 'location', 'quantity'];
      const missing = required.filter((name) => columns![name] < 0);
      if (missing.length) {
        throw new InvalidInput(
          missing.map((name) => ({ field: `line ${info.lines}.${name}`, message: `the header has no ${name} column (expected sku,location,quantity)` })),
          INVALID_FEED,
        );
      }
    }
  } catch (error) {
    if (error instanceof CsvError)
      throw new InvalidInput([{ field: `line ${(error as CsvError & { lines?: number }).lines ?? '?'}`, message: error.message }], INVALID_FEED);
    throw error;
  }
  if (!columns) throw new InvalidInput([{ field: 'line 1', message: 'the feed is empty: expected the header sku,location,quantity' }], INVALID_FEED);
  if (chunk.length) yield chunk;
}

/** One JSON object `{sku, location, quantity}` per line; blank lines are skipped but counted. */
export async function* ndjsonRows(input: Readable): AsyncGenerator<RawFeedRow[]> {
  let line = 0;
  let chunk: RawFeedRow[] = [];
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    const content = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (!content) continue;
    chunk.push(rowOf(line, content));
    if (chunk.length === CHUNK_ROWS) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

function rowOf(line: number, content: string): RawFeedRow {
  try {
    return jsonRow(line, JSON.parse(content));
  } catch {
    return { line, unreadable: 'is not valid JSON' };
  }
}

function jsonRow(line: number, value: unknown): RawFeedRow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line, unreadable: 'must be an object {sku, location, quantity}' };
  const row = value as Record<string, unknown>;
  return { line, sku: row.sku, location: row.location, quantity: row.quantity };
}

/** The rows of a JSON body, numbered from 1 (errors name them `body.rows.<index>`). */
export async function* jsonRows(rows: unknown[]): AsyncGenerator<RawFeedRow[]> {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    yield rows.slice(start, start + CHUNK_ROWS).map((row, index) => jsonRow(start + index + 1, row));
  }
}
