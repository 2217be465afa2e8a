import type { AisleApp } from '../../platform/http/types.ts';

export async function customerRoutes(_app: AisleApp) {}
