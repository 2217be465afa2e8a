import createClient from 'openapi-fetch';
import type { paths } from './schema.ts';

/** The API of the server that serves the app, typed from its /openapi.json (web/api/schema.ts, `npm run web:api`). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

/** An RFC 9457 problem as the API answers a refusal. */
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  type?: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

/** Thrown by `must` when the API refuses: the problem's words are what the staff member reads. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? 'The server refused the request.');
  }
}

/** The data of an openapi-fetch answer, or the problem as an error (for TanStack Query's error state). */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw new ApiProblem((error ?? { status: response.status }) as Problem);
  return data as T;
}
