// Over 300 lines: who is calling (API keys and their one-second memory, sessions) and the staff users and keys that make it so; to split when the staff side grows.
import type { FastifyRequest } from 'fastify';
import { Desk } from '../../platform/desk.ts';
import type { Db, Executor, Trx } from '../../platform/db/database.ts';
import { hashPassword, newSecret, sameSecret, sha256, verifyPassword } from '../../platform/auth/passwords.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { newId } from '../../platform/ids.ts';
import { anyOf } from '../../platform/db/statements.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { Conflict, InvalidInput, NotFound, RuleViolation, Unauthenticated } from '../../platform/errors.ts';
import { assertMayTry, clearFailures, loginSubjects, recordFailure } from './login-throttle.ts';
import type { ApiKey, StaffUser } from './schema.ts';

export const SESSION_COOKIE = 'aisle_session';
export const SESSION_HOURS = 12;

/**
 * Who is calling, from `Authorization: Bearer <key>` or the session cookie; null when neither is sent.
 * A key of a disabled channel is refused here, so nothing a disabled channel asks can change anything.
 */
export async function authenticate(db: Executor, request: FastifyRequest, adminApiKey: string | undefined, keys: ApiKeys): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new Unauthenticated('The Authorization header must be `Bearer <api key>`.');
    if (adminApiKey !== undefined && sameSecret(token, adminApiKey)) {
      return { role: 'admin', locationId: null, channelId: null, userId: null, apiKeyId: null, actor: 'admin-key' };
    }
    const key = await keys.find(sha256(token));
    if (!key) throw new Unauthenticated('This API key is unknown or revoked.');
    if (key.role === 'channel' && key.channel_enabled === false) {
      throw new RuleViolation(
        'channel-disabled',
        `Channel ${key.channel_code} is disabled: it can neither sell nor change anything until an admin enables it.`,
        {
          channelId: key.channel_id,
        },
      );
    }
    return { role: key.role, locationId: key.location_id, channelId: key.channel_id, userId: null, apiKeyId: key.id, actor: `api-key:${key.id}` };
  }
  const session = request.cookies[SESSION_COOKIE];
  if (session !== undefined) {
    const user = await db
      .selectFrom('staff_sessions')
      .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.user_id')
      .select(['staff_users.id', 'staff_users.role', 'staff_users.location_id'])
      .where('staff_sessions.token_hash', '=', sha256(session))
      .where('staff_sessions.expires_at', '>', new Date())
      .where('staff_users.active', '=', true)
      .executeTakeFirst();
    if (!user) throw new Unauthenticated('The session has expired: sign in again.');
    return { role: user.role, locationId: user.location_id, channelId: null, userId: user.id, apiKeyId: null, actor: `user:${user.id}` };
  }
  return null;
}

type ActiveKey = Awaited<ReturnType<typeof activeKeys>>[number];

const activeKeys = (db: Executor, hashes: string[]) =>
  db
    .selectFrom('api_keys')
    .leftJoin('channels', 'channels.id', 'api_keys.channel_id')
    .select([
      'api_keys.id',
      'api_keys.token_hash',
      'api_keys.role',
      'api_keys.location_id',
      'api_keys.channel_id',
      'channels.enabled as channel_enabled',
      'channels.code as channel_code',
    ])
    .where('api_keys.token_hash', '=', anyOf(hashes, 'text'))
    .where('api_keys.revoked_at', 'is', null)
    .execute();

/**
 * The API keys a server process has recently seen, kept for `freshForMs` (one second). Reading the key was a round
 * trip to the database before every request: at 500 orders/s, 300 queries a second for the same key. Look-ups of the
 * requests arriving together share one query; an unknown key is never kept, so a new key works at once.
 * Every change to an API key or a channel makes the database notify `aisle_access` (migration 0009), and every process
 * then forgets its keys (`forget`, wired in app.ts): a revoked key, or the key of a disabled channel, is refused by
 * every process from its next request on, and within `freshForMs` even if a notification were lost.
 */
export class ApiKeys {
  readonly #desk: Desk<string, ActiveKey | undefined>;
  readonly #freshForMs: number;
  #kept = new Map<string, { key: ActiveKey; until: number }>();
  /** Raised by `forget`: a look-up that started before is not kept (it may have read the key before the change). */
  #generation = 0;

  constructor(db: Executor, freshForMs = 1000) {
    this.#freshForMs = freshForMs;
    this.#desk = new Desk(async (hashes) => {
      const rows = await activeKeys(db, [...new Set(hashes)]);
      const byHash = new Map(rows.map((row) => [row.token_hash, row]));
      return hashes.map((hash) => ({ value: byHash.get(hash) }));
    });
  }

  async find(hash: string): Promise<ActiveKey | undefined> {
    const kept = this.#kept.get(hash);
    if (kept && kept.until > performance.now()) return kept.key;
    const generation = this.#generation;
    const key = await this.#desk.submit(hash);
    if (key && generation === this.#generation) this.#kept.set(hash, { key, until: performance.now() + this.#freshForMs });
    else this.#kept.delete(hash);
    return key;
  }

  /** Forgets every key kept: when a key or a channel has changed. */
  forget(): void {
    this.#generation++;
    this.#kept.clear();
  }
}

type StaffUserRow = { id: string; email: string; name: string; role: 'admin' | 'store'; location_id: string | null; active: boolean; created_at: Date };
const toStaffUser = (row: StaffUserRow): StaffUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  locationId: row.location_id,
  active: row.active,
  createdAt: row.created_at.toISOString(),
});
const staffUserColumns = ['id', 'email', 'name', 'role', 'location_id', 'active', 'created_at'] as const;

/**
 * A password hash no one signs in with: an unknown email is checked against it, so that the answer takes as long as
 * for a staff member's email (scrypt is the whole cost) and its timing does not tell which emails exist.
 */
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(newSecret('decoy')));

/**
 * Checks a password and opens a session; the token goes in the cookie, only its hash in the database. Failures are
 * counted per email and per client `address`, and slow the next attempts down (login-throttle.ts).
 */
export async function signIn(db: Db, email: string, password: string, address: string): Promise<{ token: string; expiresAt: Date; user: StaffUser }> {
  const subjects = loginSubjects(email, address);
  await assertMayTry(db, subjects);
  const user = await db
    .selectFrom('staff_users')
    .select([...staffUserColumns, 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
  const matches = await verifyPassword(password, user?.password_hash ?? (await decoy()));
  if (!user?.active || !matches) {
    await recordFailure(db, subjects);
    throw new Unauthenticated('The email or the password is wrong.');
  }
  const token = newSecret('ses');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('staff_sessions')
      .values({ token_hash: sha256(token), user_id: user.id, expires_at: expiresAt })
      .execute();
    await clearFailures(trx, subjects);
  });
  return { token, expiresAt, user: toStaffUser(user) };
}

export async function signOut(trx: Trx, token: string): Promise<void> {
  await trx.deleteFrom('staff_sessions').where('token_hash', '=', sha256(token)).execute();
}

async function assertLocationExists(db: Executor, locationId: string | undefined, field: string) {
  if (locationId === undefined) return;
  const found = await db.selectFrom('locations').select('id').where('id', '=', locationId).executeTakeFirst();
  if (!found) throw new InvalidInput([{ field, message: `location ${locationId} does not exist` }]);
}

export interface NewStaffUser {
  email: string;
  name: string;
  password: string;
  role: 'admin' | 'store';
  locationId?: string | undefined;
}

export async function createStaffUser(trx: Trx, input: NewStaffUser): Promise<StaffUser> {
  await assertLocationExists(trx, input.locationId, 'body.locationId');
  const existing = await trx.selectFrom('staff_users').select('id').where('email', '=', input.email).executeTakeFirst();
  if (existing) throw new Conflict('staff-user-exists', `A staff user with email ${input.email} already exists.`, { existingId: existing.id });
  const row = await trx
    .insertInto('staff_users')
    .values({
      id: newId(),
      email: input.email,
      name: input.name,
      password_hash: await hashPassword(input.password),
      role: input.role,
      location_id: input.role === 'store' ? (input.locationId ?? null) : null,
    })
    .returning(staffUserColumns)
    .executeTakeFirstOrThrow();
  return toStaffUser(row);
}

export async function listStaffUsers(db: Executor, query: { limit: number; cursor?: string | undefined }): Promise<Page<StaffUser>> {
  const after = decodeCursor(query.cursor);
  const rows = await db
    .selectFrom('staff_users')
    .select(staffUserColumns)
    .$if(after !== undefined, (q) => q.where('id', '>', after!))
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (row) => row.id, toStaffUser);
}

export async function updateStaffUser(
  trx: Trx,
  id: string,
  changes: { name?: string | undefined; password?: string | undefined; active?: boolean | undefined },
): Promise<StaffUser> {
  const set = {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.password !== undefined ? { password_hash: await hashPassword(changes.password) } : {}),
    ...(changes.active !== undefined ? { active: changes.active } : {}),
  };
  const row = Object.keys(set).length
    ? await trx.updateTable('staff_users').set(set).where('id', '=', id).returning(staffUserColumns).executeTakeFirst()
    : await trx.selectFrom('staff_users').select(staffUserColumns).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Staff user', id);
  // A password change or deactivation ends every open session of that user.
  if (changes.password !== undefined || changes.active === false) await trx.deleteFrom('staff_sessions').where('user_id', '=', id).execute();
  return toStaffUser(row);
}

type ApiKeyRow = {
  id: string;
  name: string;
  role: 'admin' | 'store' | 'channel';
  location_id: string | null;
  channel_id: string | null;
  token_hint: string;
  created_at: Date;
  revoked_at: Date | null;
};
const apiKeyColumns = ['id', 'name', 'role', 'location_id', 'channel_id', 'token_hint', 'created_at', 'revoked_at'] as const;
const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  role: row.role,
  locationId: row.location_id,
  channelId: row.channel_id,
  tokenHint: row.token_hint,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

export interface NewApiKey {
  name: string;
  role: 'admin' | 'store' | 'channel';
  locationId?: string | undefined;
  channelId?: string | undefined;
  /** A chosen secret (demo data, tests); a random one otherwise. */
  token?: string | undefined;
}

export async function createApiKey(trx: Trx, input: NewApiKey): Promise<ApiKey & { token: string }> {
  await assertLocationExists(trx, input.role === 'store' ? input.locationId : undefined, 'body.locationId');
  if (input.role === 'channel') {
    const channel = await trx.selectFrom('channels').select('id').where('id', '=', input.channelId!).executeTakeFirst();
    if (!channel) throw new InvalidInput([{ field: 'body.channelId', message: `channel ${input.channelId} does not exist` }]);
  }
  const token = input.token ?? newSecret('ak');
  const row = await trx
    .insertInto('api_keys')
    .values({
      id: newId(),
      name: input.name,
      token_hash: sha256(token),
      token_hint: token.slice(-4),
      role: input.role,
      location_id: input.role === 'store' ? (input.locationId ?? null) : null,
      channel_id: input.role === 'channel' ? (input.channelId ?? null) : null,
    })
    .returning(apiKeyColumns)
    .executeTakeFirstOrThrow();
  return { ...toApiKey(row), token };
}

export async function listApiKeys(db: Executor, query: { limit: number; cursor?: string | undefined; role?: string | undefined }): Promise<Page<ApiKey>> {
  const after = decodeCursor(query.cursor);
  const rows = await db
    .selectFrom('api_keys')
    .select(apiKeyColumns)
    .$if(after !== undefined, (q) => q.where('id', '>', after!))
    .$if(query.role !== undefined, (q) => q.where('role', '=', query.role as ApiKey['role']))
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (row) => row.id, toApiKey);
}

export async function revokeApiKey(trx: Trx, id: string): Promise<ApiKey> {
  const row = await trx
    .updateTable('api_keys')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(apiKeyColumns)
    .executeTakeFirst();
  if (row) return toApiKey(row);
  const existing = await trx.selectFrom('api_keys').select(apiKeyColumns).where('id', '=', id).executeTakeFirst();
  if (!existing) throw new NotFound('API key', id);
  return toApiKey(existing);
}
