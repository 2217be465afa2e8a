import { z } from 'zod';
import { countrySchema } from '../../platform/http/params.ts';
import { requestExample } from '../../platform/http/openapi.ts';

export const LOCATION_TYPES = ['warehouse', 'store', 'dropship_vendor'] as const;
/** What a location can do; routing and store operations only use locations that can. */
export const CAPABILITIES = ['register_sales', 'click_and_collect', 'ship_from_store', 'accepts_returns', 'receives_transfers', 'ships_orders'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const addressSchema = z
  .object({
    line1: z.string().min(1).max(200),
    line2: z.string().max(200).optional(),
    postalCode: z.string().min(1).max(20),
    city: z.string().min(1).max(100),
    region: z.string().max(100).optional(),
    country: countrySchema,
  })
  .meta({ id: 'Address' });

const timeRange = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, 'must look like 09:00-19:00');
export const openingHoursSchema = z
  .partialRecord(z.enum(WEEKDAYS), z.array(timeRange).max(4))
  .describe('Opening time ranges per weekday in the location timezone; a missing day is closed.');

/** A location group's name, as routing rules name it (`groups`, `excludeGroups`). */
const groupName = z.string().min(1).max(64);
const groupsSchema = z.array(groupName).max(50).describe('Location groups routing rules name, e.g. `lyon`, `outlets`.');

const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const clock = z.string().regex(CLOCK, 'must look like 09:00');
export const capacityWindowSchema = z
  .object({
    from: clock,
    to: clock,
    orders: z.number().int().min(0).max(1_000_000).describe('Delivery groups it may be routed in the window; 0 = no limit.'),
  })
  // Compared only once both are times of day (zod still runs the check when a field was refused).
  .refine((window) => !CLOCK.test(window.from) || !CLOCK.test(window.to) || window.from < window.to, { path: ['to'], message: 'must be after from' });

type CapacityWindowInput = z.infer<typeof capacityWindowSchema>;

/** Windows of one day may not overlap: routing counts an order in the one window it falls in. */
const capacityWindowsSchema = z
  .array(capacityWindowSchema)
  .max(24)
  .superRefine((windows, context) => {
    const valid = (window: CapacityWindowInput) => CLOCK.test(window.from) && CLOCK.test(window.to) && window.from < window.to;
    windows.forEach((window, index) => {
      if (!valid(window)) return;
      const overlapped = windows.findIndex((other, otherIndex) => otherIndex < index && valid(other) && window.from < other.to && other.from < window.to);
      if (overlapped >= 0) context.addIssue({ code: 'custom', path: [index, 'from'], message: `overlaps window ${overlapped}` });
    });
  })
  .describe("Capacity per time of day (the location's time zone), e.g. per shift, on top of the daily capacity.");

export const locationSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    type: z.enum(LOCATION_TYPES),
    address: addressSchema,
    latitude: z.number(),
    longitude: z.number(),
    timezone: z.string(),
    openingHours: openingHoursSchema,
    capabilities: z.array(z.enum(CAPABILITIES)),
    dailyCapacity: z.number().int().describe('How many orders the location can fulfil a day.'),
    capacityWindows: z.array(z.object({ from: z.string(), to: z.string(), orders: z.number().int() })),
    groups: z.array(z.string()),
    pickupWindowDays: z.number().int().describe('How many days a ready pickup waits before it is cancelled and restocked.'),
    pickupReminderHours: z.number().int().describe('How many hours before the pickup window ends the customer is reminded (0: never).'),
    mustScan: z.boolean().describe('Picking must be proven by scanning every unit.'),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Location' });
export type Location = z.infer<typeof locationSchema>;

const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 letters, digits, dot, dash or underscore');
const timezone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Paris');

export const createLocationBody = z
  .object({
    code,
    name: z.string().min(1).max(200),
    type: z.enum(LOCATION_TYPES),
    address: addressSchema,
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    timezone: timezone.default('UTC'),
    openingHours: openingHoursSchema.default({}),
    capabilities: z.array(z.enum(CAPABILITIES)).max(CAPABILITIES.length).default([]),
    dailyCapacity: z.number().int().min(0).max(1_000_000).default(0),
    capacityWindows: capacityWindowsSchema.default([]),
    groups: groupsSchema.default([]),
    pickupWindowDays: z.number().int().min(1).max(90).default(7),
    pickupReminderHours: z.number().int().min(0).max(720).default(24),
    mustScan: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .meta(
    requestExample({
      code: 'PARIS-RIVOLI',
      name: 'Paris Rivoli',
      type: 'store',
      address: { line1: '12 rue de Rivoli', postalCode: '75004', city: 'Paris', country: 'FR' },
      latitude: 48.8556,
      longitude: 2.3581,
      timezone: 'Europe/Paris',
      openingHours: { mon: ['10:00-19:00'], sat: ['10:00-13:00', '14:00-19:00'] },
      capabilities: ['register_sales', 'click_and_collect'],
      dailyCapacity: 40,
      capacityWindows: [
        { from: '10:00', to: '14:00', orders: 15 },
        { from: '14:00', to: '19:00', orders: 25 },
      ],
      groups: ['paris', 'city-centre'],
    }),
  );
export type NewLocation = z.infer<typeof createLocationBody>;

export const updateLocationBody = createLocationBody
  .omit({ code: true, type: true })
  .partial()
  .extend({
    timezone: timezone.optional(),
    openingHours: openingHoursSchema.optional(),
    capabilities: z.array(z.enum(CAPABILITIES)).max(CAPABILITIES.length).optional(),
    dailyCapacity: z.number().int().min(0).max(1_000_000).optional(),
    capacityWindows: capacityWindowsSchema.optional(),
    groups: groupsSchema.optional(),
    pickupWindowDays: z.number().int().min(1).max(90).optional(),
    pickupReminderHours: z.number().int().min(0).max(720).optional(),
    mustScan: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .meta(requestExample({ openingHours: { mon: ['10:00-20:00'] }, dailyCapacity: 60, capacityWindows: [{ from: '10:00', to: '13:00', orders: 20 }] }));
export type LocationChanges = z.infer<typeof updateLocationBody>;
/** What store staff may change about their own store; the rest is an admin's. */
export const STORE_EDITABLE: readonly (keyof LocationChanges)[] = [
  'openingHours',
  'dailyCapacity',
  'capacityWindows',
  'pickupWindowDays',
  'pickupReminderHours',
  'mustScan',
];

export const listLocationsQuery = z.object({
  type: z.enum(LOCATION_TYPES).optional(),
  capability: z.enum(CAPABILITIES).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  q: z.string().max(200).optional().describe('Matches code, name or city.'),
});
