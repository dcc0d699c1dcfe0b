import { ApiError } from '../api.error.js';
import type { RouteSpec } from '../route-spec.js';
import { contextOf, defined, foundOrThrow, type RouteDeps } from '../route-deps.js';
import {
  entityAttributes, entityType, id, idParams, object, page, pageQuery, query, reviewState, schemaRef, stringList,
} from '../schemas.js';
import type { EntityPatch, NewEntity, SplitEntityInput } from '../../storage/index.js';
import type { EntityType, ReviewState } from '../../domain/index.js';

const name = { type: 'string', minLength: 1, maxLength: 300, pattern: '\\S' };

export function entityRoutes(deps: RouteDeps): RouteSpec[] {
  return [
    {
      method: 'GET',
      url: '/api/entities',
      operationId: 'listEntities',
      summary: 'Entities, most mentioned first; filter by type, review state, or words of a name or alias.',
      tag: 'entities',
      schema: { querystring: query({ type: entityType, q: { type: 'string', maxLength: 200 }, state: reviewState, ...pageQuery() }) },
      responses: { 200: { description: 'A page of entities', schema: page(schemaRef('EntitySummary')) } },
      problems: [400],
      handler: async (request) => {
        const q = request.query as { type?: EntityType; q?: string; state?: ReviewState; limit: number; offset: number };
        return deps.services.listEntities(contextOf(deps, request), defined({ type: q.type, q: q.q, reviewState: q.state, limit: q.limit, offset: q.offset }));
      },
    },
    {
      method: 'GET',
      url: '/api/entities/:id',
      operationId: 'getEntity',
      summary: 'One entity with aliases, attributes, events, quotes, related entities and sources. A merged-away id answers with the entity it went into.',
      tag: 'entities',
      schema: { params: idParams },
      responses: { 200: { description: 'The entity', schema: schemaRef('EntityDetail') } },
      problems: [404],
      handler: async (request) => {
        const { id: entityId } = request.params as { id: string };
        return foundOrThrow(await deps.services.getEntity(contextOf(deps, request), entityId), 'entity', entityId);
      },
    },
    {
      method: 'POST',
      url: '/api/entities',
      operationId: 'createEntity',
      summary: 'Create an entity by hand; it is confirmed at once and names the user as its source.',
      tag: 'entities',
      schema: { body: object({ type: entityType, name, aliases: stringList, attributes: entityAttributes(false) }, ['type', 'name']) },
      responses: { 201: { description: 'Created', schema: schemaRef('EntityDetail') } },
      problems: [400],
      handler: async (request, reply) => {
        const created = await deps.services.createEntity(contextOf(deps, request), request.body as NewEntity);
        reply.code(201).header('location', `/api/entities/${encodeURIComponent(created.id)}`);
        return created;
      },
    },
    {
      method: 'PATCH',
      url: '/api/entities/:id',
      operationId: 'updateEntity',
      summary: 'Edit fields of an entity; attributes merge key by key (null removes a key). Every changed field is kept in history.',
      tag: 'entities',
      schema: {
        params: idParams,
        body: { ...object({ name, type: entityType, aliases: stringList, attributes: entityAttributes(true) }), minProperties: 1 },
      },
      responses: { 200: { description: 'The entity after the edit', schema: schemaRef('EntityDetail') } },
      problems: [400, 404],
      handler: async (request) => {
        const { id: entityId } = request.params as { id: string };
        return foundOrThrow(await deps.services.updateEntity(contextOf(deps, request), entityId, request.body as EntityPatch), 'entity', entityId);
      },
    },
    {
      method: 'POST',
      url: '/api/entities/:id/merge',
      operationId: 'mergeEntity',
      summary: 'Merge this entity into another: its aliases, mentions, participations and quotes move to `into`.',
      tag: 'entities',
      schema: { params: idParams, body: object({ into: id }, ['into']) },
      responses: { 200: { description: 'The surviving entity and the id merged away', schema: object({ entity: schemaRef('EntityDetail'), mergedId: { type: 'string' } }, ['entity', 'mergedId']) } },
      problems: [400, 404, 409],
      handler: async (request) => {
        const { id: fromId } = request.params as { id: string };
        const { into } = request.body as { into: string };
        if (into === fromId) throw new ApiError('invalid_edit', 'An entity cannot be merged into itself: choose another entity as "into".');
        const entity = foundOrThrow(await deps.services.mergeEntities(contextOf(deps, request), into, fromId), 'entity', `${fromId}" or "${into}`);
        return { entity, mergedId: fromId };
      },
    },
    {
      method: 'POST',
      url: '/api/entities/:id/split',
      operationId: 'splitEntity',
      summary: 'Split an entity: the given aliases and mentions move to a new entity of the same type.',
      tag: 'entities',
      schema: {
        params: idParams,
        body: object({ name, aliases: stringList, mentionIds: stringList, participantIds: stringList, type: entityType }),
      },
      responses: { 201: { description: 'Both entities after the split', schema: object({ original: schemaRef('EntityDetail'), created: schemaRef('EntityDetail') }, ['original', 'created']) } },
      problems: [400, 404],
      handler: async (request, reply) => {
        const { id: entityId } = request.params as { id: string };
        const input = request.body as SplitEntityInput;
        if (!input.aliases?.length && !input.mentionIds?.length && !input.participantIds?.length) {
          throw new ApiError('invalid_edit', 'Nothing to split off: list the aliases, mentionIds or participantIds that belong to the new entity.');
        }
        const result = foundOrThrow(await deps.services.splitEntity(contextOf(deps, request), entityId, input), 'entity', entityId);
        reply.code(201).header('location', `/api/entities/${encodeURIComponent(result.created.id)}`);
        return result;
      },
    },
  ];
}
