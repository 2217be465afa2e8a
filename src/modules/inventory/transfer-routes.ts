import type { AisleApp } from '../../platform/http/types.ts';

/** Transfers between locations and expected purchase receipts (incoming stock). */
export async function transferRoutes(_app: AisleApp) {}
