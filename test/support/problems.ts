import { expect } from 'vitest';
import type { ApiResponse } from './api.ts';

/** Asserts the answer is a problem+json with this status (and code, if given). */
export function expectProblem(response: ApiResponse, status: number, code?: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  if (code) expect(response.body.code).toBe(code);
}

/** The fields a 400 problem names, sorted. */
export const fieldsOf = (response: ApiResponse): string[] => ((response.body.errors ?? []) as { field: string }[]).map((error) => error.field).sort();
