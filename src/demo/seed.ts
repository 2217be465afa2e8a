import type { Db } from '../platform/db/database.ts';

export interface DemoLogin {
  adminEmail: string;
  adminPassword: string;
  adminApiKey: string;
}

export async function seedDemo(_db: Db, _options: { onlyIfEmpty: boolean }): Promise<DemoLogin | null> {
  return null;
}
