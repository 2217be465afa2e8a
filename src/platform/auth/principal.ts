import { Forbidden } from '../errors.ts';

export type Role = 'admin' | 'store' | 'channel';

/** Who is calling: a signed-in staff user or an API key, with the store or channel it is bound to. */
export interface Principal {
  role: Role;
  /** Store staff act only for this location. */
  locationId: string | null;
  /** A channel integration acts only for this channel. */
  channelId: string | null;
  userId: string | null;
  apiKeyId: string | null;
  /** How timelines and ledgers name the actor: `user:<id>`, `api-key:<id>` or `admin-key`. */
  actor: string;
}

/** What a route declares: who may call it. `public` routes need no credentials. */
export type Access = 'public' | readonly Role[];

export const ANY_ROLE: readonly Role[] = ['admin', 'store', 'channel'];
export const ADMIN: readonly Role[] = ['admin'];
export const STAFF: readonly Role[] = ['admin', 'store'];

/** Store staff act only for their own store; admins for every location. */
export function assertActsForLocation(principal: Principal, locationId: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'store' && principal.locationId === locationId) return;
  throw new Forbidden(`This ${principal.role} credential may not act for location ${locationId}.`);
}

/** A channel integration acts only for its own channel; admins for every channel. */
export function assertActsForChannel(principal: Principal, channelId: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'channel' && principal.channelId === channelId) return;
  throw new Forbidden(`This ${principal.role} credential may not act for channel ${channelId}.`);
}
