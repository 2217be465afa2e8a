import type { AisleApp } from '../../platform/http/types.ts';

/** Stock feeds from ERP, WMS and POS systems (snapshot and delta, CSV and JSON). */
export async function feedRoutes(_app: AisleApp) {}
