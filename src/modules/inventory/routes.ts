import { z } from 'zod';
import type { Trx } from '../../platform/db/database.ts';
import { ADMIN, ANY_ROLE, assertActsForLocation, STAFF, type Principal } from '../../platform/auth/principal.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { idParams } from '../../platform/http/params.ts';
import { Forbidden } from '../../platform/errors.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import { availabilityOf, channelLocationIds, channelScope, pickupStoresNear } from './availability.ts';
import { reservationDesk } from './desk.ts';
import { confirmHold, deductReservation, getReservationFor, releaseReservation, reserveStock, type ReserveRequest } from './reservations.ts';
import {
  adjustmentBody,
  availabilityQuery,
  availabilitySchema,
  countBody,
  damageBody,
  levelSchema,
  levelsQuery,
  movementSchema,
  movementsQuery,
  pickupStoreSchema,
  pickupStoresBody,
  receiptBody,
  reservationSchema,
  reserveBody,
  safetyStockBody,
  saleBody,
  type LevelView,
} from './schema.ts';
import * as inventory from './service.ts';
import { assertLocations, resolveSkus } from './skus.ts';

const tags = ['Inventory'];
const levelsResponse = z.object({ levels: z.array(levelSchema) });

/** Store staff change stock only at their own store. */
const atLocation = (principal: Principal, locationId: string) => assertActsForLocation(principal, locationId);

export async function inventoryRoutes(app: AisleApp) {
  const desk = reservationDesk(app.db, { concurrency: app.database.kind === 'postgres' ? 2 : 1, observe: app.metrics.desk('reservations') });

  app.get(
    '/inventory/levels',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'listStockLevels',
        summary: 'Quantities of a SKU across locations, or of every SKU at a location',
        querystring: levelsQuery.extend(pageQuery),
        response: { 200: pageOf(levelSchema) },
      },
    },
    (request) => inventory.listLevels(request.server.db, request.principal!, request.query),
  );

  app.get(
    '/inventory/movements',
    {
      config: { access: STAFF },
      schema: {
        tags,
        operationId: 'listStockMovements',
        summary: 'The ledger of one SKU at one location, newest first',
        querystring: movementsQuery.extend(pageQuery),
        response: { 200: pageOf(movementSchema) },
      },
    },
    (request) => inventory.listMovements(request.server.db, request.principal!, request.query),
  );

  /** A stock operation at one location: store staff only at their own store, one transaction, levels answered. */
  const stockOperation = <Body extends z.ZodType<{ locationId: string }>>(
    path: string,
    operationId: string,
    summary: string,
    body: Body,
    operate: (trx: Trx, input: z.output<Body>, actor: string) => Promise<{ levels: LevelView[] }>,
  ) =>
    app.post(path, { config: { access: STAFF }, schema: { tags, operationId, summary, body, response: { 201: levelsResponse } } }, (request, reply) => {
      const input = request.body as z.output<Body>;
      atLocation(request.principal!, input.locationId);
      return inTransaction(request, reply, 201, (trx) => operate(trx, input, request.principal!.actor));
    });
  stockOperation('/inventory/receipts', 'receiveStock', 'Receive goods into a location', receiptBody, inventory.receiveStock);
  stockOperation('/inventory/sales', 'recordShelfSale', 'A register sale of goods on the shelf: deducted at once', saleBody, inventory.sellFromShelf);
  stockOperation('/inventory/adjustments', 'adjustStock', 'Add or remove units with a reason', adjustmentBody, inventory.adjustStock);
  stockOperation('/inventory/counts', 'countStock', 'Record a cycle count: on hand becomes what was counted', countBody, inventory.countStock);
  stockOperation('/inventory/damages', 'recordDamage', 'Set damaged or unsellable units apart', damageBody, inventory.recordDamage);

  app.put(
    '/inventory/safety-stock',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'setSafetyStock',
        summary: "Set a location's default safety stock or one SKU's override",
        body: safetyStockBody,
        response: { 200: levelsResponse },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => inventory.setSafetyStock(trx, request.body)),
  );

  app.post(
    '/availability',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'getAvailability',
        summary: 'Available to promise for up to 200 SKUs: network-wide, per channel, per location',
        description: 'Each SKU lists only the locations with something to promise (available above 0), most first; an empty list means none.',
        body: availabilityQuery,
        response: { 200: z.object({ items: z.array(availabilitySchema) }) },
      },
    },
    async (request) => ({
      items: await availabilityOf(request.server.db, { ...request.body, channelId: channelScope(request.principal!, request.body.channelId) }),
    }),
  );

  app.post(
    '/availability/pickup-stores',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'findPickupStores',
        summary: 'Click & collect stores near a point, nearest first, with stock for each cart line',
        body: pickupStoresBody,
        response: { 200: z.object({ items: z.array(pickupStoreSchema) }) },
      },
    },
    async (request) => ({
      items: await pickupStoresNear(request.server.db, { ...request.body, channelId: channelScope(request.principal!, request.body.channelId) }),
    }),
  );

  app.post(
    '/reservations',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ['Reservations'],
        operationId: 'reserveStock',
        summary: 'Reserve stock for a cart (hold with expiry) or an order: all lines or none',
        body: reserveBody,
        response: { 201: z.object({ reservations: z.array(reservationSchema) }) },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const db = request.server.db;
      const channelId = channelScope(principal, request.body.channelId);
      const lines = request.body.lines;
      await assertLocations(
        db,
        lines.map((line) => line.locationId),
        (index) => `body.lines.${index}.locationId`,
      );
      // Store staff hold stock on their own shelves only: the reservations they could not release otherwise.
      if (principal.role === 'store') for (const line of lines) atLocation(principal, line.locationId);
      if (channelId !== undefined) {
        const allowed = new Set(await channelLocationIds(db, channelId, 'sells'));
        const outside = lines.find((line) => !allowed.has(line.locationId));
        if (outside) throw new Forbidden(`Location ${outside.locationId} does not sell through channel ${channelId}.`);
      }
      const ids = await resolveSkus(
        db,
        lines.map((line) => line.sku),
        (index) => `body.lines.${index}.sku`,
      );
      const reserve: ReserveRequest = {
        lines: lines.map((line) => ({ variantId: ids.get(line.sku)!, locationId: line.locationId, quantity: line.quantity })),
        kind: request.body.kind,
        ttlSeconds: request.body.ttlSeconds,
        channelId: channelId ?? null,
        referenceType: request.body.reference?.type,
        referenceId: request.body.reference?.id,
        actor: principal.actor,
      };
      // An Idempotency-Key needs its own transaction (key and effect commit together); otherwise the desk batches.
      if (request.headers['idempotency-key'] !== undefined) {
        return inTransaction(request, reply, 201, async (trx) => ({
          reservations: await inventory.reservationsWithSku(trx, await reserveStock(trx, reserve)),
        }));
      }
      const reservations = await desk.submit(reserve);
      reply.code(201);
      return { reservations: await inventory.reservationsWithSku(db, reservations) };
    },
  );

  app.get(
    '/reservations/:id',
    {
      config: { access: ANY_ROLE },
      schema: { tags: ['Reservations'], operationId: 'getReservation', summary: 'Get a reservation', params: idParams, response: { 200: reservationSchema } },
    },
    async (request) =>
      (await inventory.reservationsWithSku(request.server.db, [await getReservationFor(request.server.db, request.principal!, request.params.id)]))[0]!,
  );

  const reservationAction = (path: string, operationId: string, summary: string, act: typeof releaseReservation) =>
    app.post(
      `/reservations/:id/${path}`,
      {
        config: { access: ANY_ROLE },
        schema: { tags: ['Reservations'], operationId, summary, params: idParams, response: { 200: reservationSchema } },
      },
      (request, reply) =>
        inTransaction(request, reply, 200, async (trx) => {
          const principal = request.principal!;
          await getReservationFor(trx, principal, request.params.id);
          return (await inventory.reservationsWithSku(trx, [await act(trx, request.params.id, principal.actor)]))[0]!;
        }),
    );
  reservationAction('release', 'releaseReservation', 'Release a reservation: its units are available again', releaseReservation);
  reservationAction('deduct', 'deductReservation', 'Deduct a reservation: the units left with a shipment or a pickup', deductReservation);
  reservationAction('confirm', 'confirmReservation', "Turn a cart's hold into an order reservation that does not expire", (trx, id) => confirmHold(trx, id));
}
