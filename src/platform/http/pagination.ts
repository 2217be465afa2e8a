import { z } from 'zod';
import { isUuid } from '../ids.ts';
import { InvalidInput } from '../errors.ts';

/** Query fields every list route accepts. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('How many items to return (1–200).'),
  cursor: z.string().max(500).optional().describe('The `nextCursor` of the previous page.'),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
  });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the sort key of the last item, base64url-encoded. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, isKey: (key: string) => boolean = isUuid): string | undefined {
  if (cursor === undefined) return undefined;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  // A forged cursor is the caller's mistake (400 naming it), never a database error.
  if (!key || encodeCursor(key) !== cursor || !isKey(key)) throw new InvalidInput([{ field: 'query.cursor', message: 'is not a cursor this API returned' }]);
  return key;
}

/** Rows were fetched with `limit + 1`: the extra row only says whether another page exists. */
export function toPage<Row, Item>(rows: Row[], limit: number, keyOf: (row: Row) => string, toItem: (row: Row) => Item): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { items: pageRows.map(toItem), nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
