import { describe, expect, it } from 'vitest';
import { isUuid, newId } from './ids.ts';

describe('ids', () => {
  it('are version 7 UUIDs, all different, each one sorting after the one before, even within one millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
    for (let index = 1; index < ids.length; index++) expect(ids[index]! > ids[index - 1]!).toBe(true);
    // The first 48 bits are the time of creation.
    const createdAt = parseInt(ids.at(-1)!.replaceAll('-', '').slice(0, 12), 16);
    expect(Math.abs(createdAt - Date.now())).toBeLessThan(60_000);
  });
});
