import type { Generated } from 'kysely';
import type { Role } from '../../platform/auth/principal.ts';
import type { CreatedAt, Timestamp } from '../../platform/db/columns.ts';

/** Kysely's view of the tables access owns. The migrations (`platform/db/migrations/`) create them: keep in step. */

// The platform's access check knows the three roles; a person signs in as an admin or a store user, never a channel.
export type StaffRole = Exclude<Role, 'channel'>;

export interface StaffUsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: StaffRole;
  location_id: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface LoginFailuresTable {
  subject: string;
  failures: number;
  last_failed_at: Date;
}

export interface StaffSessionsTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  token_hash: string;
  token_hint: string;
  role: Role;
  location_id: string | null;
  channel_id: string | null;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
}

export interface AccessTables {
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  login_failures: LoginFailuresTable;
  api_keys: ApiKeysTable;
}
