import type { AisleApp } from '../../platform/http/types.ts';

export async function catalogRoutes(_app: AisleApp) {}
