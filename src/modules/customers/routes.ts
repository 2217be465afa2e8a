import { z } from 'zod';
import { ADMIN, ANY_ROLE } from '../../platform/auth/principal.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { idParams } from '../../platform/http/params.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import {
  addressParams,
  createCustomerBody,
  createCustomerGroupBody,
  customerAddressSchema,
  customerGroupSchema,
  customerSchema,
  listCustomersQuery,
  newAddressBody,
  updateAddressBody,
  updateCustomerBody,
} from './schema.ts';
import * as customers from './service.ts';

const tags = ['Customers'];

// One profile serves every channel; who sees which is the service's (assertMaySeeCustomer, docs/architecture.md):
// admins everything, store staff serve any customer, a channel key its own customers and exact look-ups.
export interface CustomerRouteOptions {
  /** The country of phone numbers searched for without + (RETAILER_LOCALE's). */
  phoneRegion: string;
}

export async function customerRoutes(app: AisleApp, options: CustomerRouteOptions) {
  app.post(
    '/customer-groups',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'createCustomerGroup',
        summary: 'Create a customer group with the discount its members get',
        body: createCustomerGroupBody,
        response: { 201: customerGroupSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => customers.createCustomerGroup(trx, request.body)),
  );

  app.get(
    '/customer-groups',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'listCustomerGroups',
        summary: 'List customer groups',
        querystring: z.object(pageQuery),
        response: { 200: pageOf(customerGroupSchema) },
      },
    },
    (request) => customers.listCustomerGroups(request.server.db, request.query),
  );

  app.post(
    '/customers',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'createCustomer',
        summary: 'Create a customer profile shared by every channel',
        description: 'An email or phone another profile already has is refused with 409 `customer-exists`, naming that profile.',
        body: createCustomerBody,
        response: { 201: customerSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => customers.createCustomer(trx, request.principal!, request.body)),
  );

  app.get(
    '/customers',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'listCustomers',
        summary: 'Find customers by name, email or phone',
        querystring: listCustomersQuery.extend(pageQuery),
        response: { 200: pageOf(customerSchema) },
      },
    },
    (request) => customers.listCustomers(request.server.db, request.principal!, request.query, options.phoneRegion),
  );

  app.get(
    '/customers/:id',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'getCustomer',
        summary: 'Get a customer with their emails, phones, addresses and group',
        params: idParams,
        response: { 200: customerSchema },
      },
    },
    (request) => customers.getCustomerFor(request.server.db, request.principal!, request.params.id),
  );

  app.patch(
    '/customers/:id',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'updateCustomer',
        summary: 'Change a customer; emails and phones replace the whole list',
        params: idParams,
        body: updateCustomerBody,
        response: { 200: customerSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 200, (trx) => customers.updateCustomer(trx, request.principal!, request.params.id, request.body)),
  );

  app.post(
    '/customers/:id/addresses',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'addCustomerAddress',
        summary: 'Add an address to a customer',
        params: idParams,
        body: newAddressBody,
        response: { 201: customerAddressSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => customers.addAddress(trx, request.principal!, request.params.id, request.body)),
  );

  app.patch(
    '/customers/:id/addresses/:addressId',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'updateCustomerAddress',
        summary: "Change a customer's address or make it the default",
        params: addressParams,
        body: updateAddressBody,
        response: { 200: customerAddressSchema },
      },
    },
    (request, reply) =>
      inTransaction(request, reply, 200, (trx) => customers.updateAddress(trx, request.principal!, request.params.id, request.params.addressId, request.body)),
  );

  app.delete(
    '/customers/:id/addresses/:addressId',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'deleteCustomerAddress',
        summary: "Delete a customer's address",
        params: addressParams,
        response: { 204: z.null().describe('Deleted.') },
      },
    },
    (request, reply) =>
      inTransaction(request, reply, 204, async (trx) => {
        await customers.deleteAddress(trx, request.principal!, request.params.id, request.params.addressId);
        return null;
      }),
  );
}
