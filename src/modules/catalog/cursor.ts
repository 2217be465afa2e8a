import { decodeCursor } from '../../platform/http/pagination.ts';
import { InvalidInput } from '../../platform/http/problem.ts';
import { isUuid } from '../../platform/ids.ts';

/** The id a catalog list resumes after. A forged cursor is the caller's mistake (400), never a database error. */
export function afterCursor(cursor: string | undefined): string | undefined {
  const after = decodeCursor(cursor);
  if (after !== undefined && !isUuid(after)) throw new InvalidInput([{ field: 'query.cursor', message: 'is not a cursor this API returned' }]);
  return after;
}
