import { ADMIN, ANY_ROLE } from '../../platform/auth/principal.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { idParams } from '../../platform/http/params.ts';
import type { AisleApp } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/http/unit-of-work.ts';
import { channelSchema, createChannelBody, listChannelsQuery, updateChannelBody } from './schema.ts';
import * as channels from './service.ts';

const tags = ['Channels'];

export async function channelRoutes(app: AisleApp) {
  app.post(
    '/channels',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'createChannel',
        summary: 'Add a sales channel (web shop, register, marketplace, social, phone)',
        body: createChannelBody,
        response: { 201: channelSchema },
      },
    },
    (request, reply) => inTransaction(request, reply, 201, (trx) => channels.createChannel(trx, request.body)),
  );

  app.get(
    '/channels',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        operationId: 'listChannels',
        summary: 'List the channels the caller may see',
        querystring: listChannelsQuery.extend(pageQuery),
        response: { 200: pageOf(channelSchema) },
      },
    },
    (request) => channels.listChannels(request.server.db, request.principal!, request.query),
  );

  app.get(
    '/channels/:id',
    {
      config: { access: ANY_ROLE },
      schema: { tags, operationId: 'getChannel', summary: 'Get a channel', params: idParams, response: { 200: channelSchema } },
    },
    (request) => channels.getChannel(request.server.db, request.principal!, request.params.id),
  );

  app.patch(
    '/channels/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        operationId: 'updateChannel',
        summary: 'Configure, enable or disable a channel; replace the locations it sells and fulfils from',
        params: idParams,
        body: updateChannelBody,
        response: { 200: channelSchema },
      },
    },
    async (request, reply) => {
      const channel = await inTransaction(request, reply, 200, (trx) => channels.updateChannel(trx, request.params.id, request.body));
      // A disabled channel's keys are refused: forgotten here before answering (other processes hear the notification).
      request.server.apiKeys.forget();
      return channel;
    },
  );
}
