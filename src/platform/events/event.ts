import type { z } from 'zod';

/**
 * One type of outbox event as integrations see it: the name, the version of its payload, what it means, what its
 * subject names, and the payload's shape. Versions start at 1 and go up when a change would break a reader (a field
 * removed, renamed or given another meaning); adding a field keeps the version.
 */
export interface EventDefinition<T extends string = string, P extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly version: number;
  readonly description: string;
  /** What `subject` holds, e.g. `order:<orderId>`: consumers keep the latest event per subject. */
  readonly subject: string;
  readonly payload: P;
}

/** Keeps the literal type name, so that publishing an unknown type or a wrong payload fails to compile. */
export const defineEvent = <const T extends string, P extends z.ZodType>(definition: EventDefinition<T, P>): EventDefinition<T, P> => definition;
