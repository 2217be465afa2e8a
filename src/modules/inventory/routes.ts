import type { AisleApp } from '../../platform/http/types.ts';

export async function inventoryRoutes(_app: AisleApp) {}
