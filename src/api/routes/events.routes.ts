import type { EventStatus, EventType, ReviewState, Role } from '../../domain/index.js';
import type { EventPatchInput, NewEventInput } from '../../services/index.js';
import type { EventDetail, ParticipantInput } from '../../storage/index.js';
import type { RouteSpec } from '../route-spec.js';
import { contextOf, defined, foundOrThrow, type RouteDeps } from '../route-deps.js';
import { sentenceFiller } from '../evidence-context.js';
import {
  day, eventStatus, eventType, id, idParams, isoDateForm, object, page, pageQuery, query, reviewState, role, schemaRef, stringList,
} from '../schemas.js';

const label = { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' };
const participants = { type: 'array', maxItems: 200, items: object({ entityId: id, role }, ['entityId', 'role']) };
const places = { type: 'array', maxItems: 50, items: id };
const nullable = (s: Record<string, unknown>) => ({ anyOf: [s, { type: 'null' }] });

const sessionBody = object({ type: eventType, label, status: eventStatus, date: isoDateForm, places, participants, topics: stringList }, ['label']);
const newEventBody = object(
  { type: eventType, label, status: eventStatus, date: isoDateForm, places, participants, topics: stringList, parentId: id, sessions: { type: 'array', maxItems: 50, items: sessionBody } },
  ['type', 'label'],
);
const patchEventBody = {
  ...object({
    type: eventType, label, status: nullable(eventStatus), date: nullable(isoDateForm), places, participants,
    topics: stringList, parentId: nullable(id),
  }),
  minProperties: 1,
};

interface EventInputBody {
  type: EventType;
  label: string;
  status?: EventStatus;
  date?: string;
  places?: string[];
  participants?: ParticipantInput[];
  topics?: string[];
  parentId?: string;
  sessions?: (Omit<EventInputBody, 'type' | 'parentId' | 'sessions'> & { type?: EventType })[];
}

/** Adds sentence text to every piece of evidence in an event detail. */
async function withSentences(detail: EventDetail, loadText: (documentId: string) => Promise<string | undefined>): Promise<EventDetail> {
  const fill = sentenceFiller(loadText);
  const byRole: EventDetail['participantsByRole'] = {};
  for (const [r, list] of Object.entries(detail.participantsByRole) as [Role, NonNullable<EventDetail['participantsByRole'][Role]>][]) {
    byRole[r] = await Promise.all(list.map(async (p) => ({ ...p, evidence: await Promise.all(p.evidence.map(fill)) })));
  }
  return {
    ...detail,
    evidence: await Promise.all(detail.evidence.map(fill)),
    timeEvidence: await fill(detail.timeEvidence),
    participantsByRole: byRole,
    quotes: await Promise.all(detail.quotes.map(async (q) => ({ ...q, evidence: await fill(q.evidence) }))),
  };
}

export function eventRoutes(deps: RouteDeps): RouteSpec[] {
  const loadText = (request: Parameters<typeof contextOf>[1]) => async (documentId: string) =>
    deps.services.getDocumentText(contextOf(deps, request), documentId);

  // Dates stay strings here: the review service resolves them (and their tense) by its clock.
  const toNewEvent = (body: EventInputBody): NewEventInput => defined({
    type: body.type,
    label: body.label.trim(),
    status: body.status,
    date: body.date,
    places: body.places,
    participants: body.participants,
    topics: body.topics,
    parentId: body.parentId,
    sessions: body.sessions?.map((s) => defined({
      type: s.type ?? 'session',
      label: s.label.trim(),
      status: s.status,
      date: s.date,
      places: s.places,
      participants: s.participants,
      topics: s.topics,
    })),
  }) as NewEventInput;

  return [
    {
      method: 'GET',
      url: '/api/events',
      operationId: 'listEvents',
      summary: 'Events by time (undated last); filter by type, status, review state, dates (overlap), participant, place or parent meeting.',
      tag: 'events',
      schema: {
        querystring: query({
          type: eventType, status: eventStatus, state: reviewState, from: day, to: day,
          participant: id, place: id, parent: id, ...pageQuery(),
        }),
      },
      responses: { 200: { description: 'A page of events', schema: page(schemaRef('EventSummary')) } },
      problems: [400],
      handler: async (request) => {
        const q = request.query as {
          type?: EventType; status?: EventStatus; state?: ReviewState; from?: string; to?: string;
          participant?: string; place?: string; parent?: string; limit: number; offset: number;
        };
        return deps.services.listEvents(contextOf(deps, request), defined({
          type: q.type, status: q.status, reviewState: q.state, from: q.from, to: q.to,
          participantId: q.participant, placeId: q.place, parentId: q.parent, limit: q.limit, offset: q.offset,
        }));
      },
    },
    {
      method: 'GET',
      url: '/api/events/:id',
      operationId: 'getEvent',
      summary: 'One event with its sessions, participants by role, and evidence with the sentence it came from.',
      tag: 'events',
      schema: { params: idParams },
      responses: { 200: { description: 'The event', schema: schemaRef('EventDetail') } },
      problems: [404],
      handler: async (request) => {
        const { id: eventId } = request.params as { id: string };
        const detail = foundOrThrow(await deps.services.getEvent(contextOf(deps, request), eventId), 'event', eventId);
        return withSentences(detail, loadText(request));
      },
    },
    {
      method: 'POST',
      url: '/api/events',
      operationId: 'createEvent',
      summary: 'Create an event by hand (e.g. a meeting with its sessions and participants); confirmed at once, sourced to the user.',
      tag: 'events',
      schema: { body: newEventBody },
      responses: { 201: { description: 'Created', schema: schemaRef('EventDetail') } },
      problems: [400, 404],
      handler: async (request, reply) => {
        const created = await deps.services.createEvent(contextOf(deps, request), toNewEvent(request.body as EventInputBody));
        reply.code(201).header('location', `/api/events/${encodeURIComponent(created.id)}`);
        return created;
      },
    },
    {
      method: 'PATCH',
      url: '/api/events/:id',
      operationId: 'updateEvent',
      summary: 'Edit fields of an event (null clears status, date or parent; places and participants replace the old lists). Every change is kept in history.',
      tag: 'events',
      schema: { params: idParams, body: patchEventBody },
      responses: { 200: { description: 'The event after the edit', schema: schemaRef('EventDetail') } },
      problems: [400, 404],
      handler: async (request) => {
        const { id: eventId } = request.params as { id: string };
        const body = request.body as Omit<EventInputBody, 'status' | 'date' | 'parentId'> & { status?: EventStatus | null; date?: string | null; parentId?: string | null };
        const patch: EventPatchInput = defined({
          type: body.type,
          label: body.label?.trim(),
          status: body.status,
          date: body.date,
          places: body.places,
          participants: body.participants,
          topics: body.topics,
          parentId: body.parentId,
        });
        return foundOrThrow(await deps.services.updateEvent(contextOf(deps, request), eventId, patch), 'event', eventId);
      },
    },
  ];
}
