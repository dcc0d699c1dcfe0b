import type {
  Dashboard, DocumentDetail, DocumentSummary, EntityDetail, EntityPatch, EntitySummary, EntityType,
  EventDetail, EventPatch, EventSummary, GraphData, Health, HistoryEntry, IngestResult, MapData,
  NewEntity, NewEvent, Page, ReviewItem, ReviewKind, ReviewResult, ReviewState, SearchHit, SearchKind,
  TimelineItem,
} from './api-types';

/** An RFC 9457 problem the API answered with; `detail` is written for people. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: Array<{ path: string; message: string }>;

  constructor(status: number, code: string, message: string, errors: Array<{ path: string; message: string }> = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

/** Query parameters; undefined and empty values are left out of the URL. */
type Query = object;

function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}) as Array<[string, unknown]>) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'network', 'The Liaison server cannot be reached. Is `npm start` running?');
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const problem = (json ?? {}) as { code?: string; detail?: string; title?: string; errors?: Array<{ path: string; message: string }> };
    throw new ApiError(
      response.status,
      problem.code ?? 'http_' + response.status,
      problem.detail ?? problem.title ?? `The server answered ${response.status} ${response.statusText}.`,
      problem.errors,
    );
  }
  return json as T;
}

const get = <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query));
const id = (value: string) => encodeURIComponent(value);

export interface ListQuery { limit?: number; offset?: number }

/** One function per endpoint in docs/API.md; nothing else in the UI calls fetch. */
export const api = {
  health: () => get<Health>('/api/health'),
  dashboard: (days?: number) => get<Dashboard>('/api/dashboard', { days }),

  documents: (q: ListQuery & { q?: string; outlet?: string; from?: string; to?: string } = {}) =>
    get<Page<DocumentSummary>>('/api/documents', q),
  document: (docId: string) => get<DocumentDetail>(`/api/documents/${id(docId)}`),
  addDocument: (input: { text: string; published: string; outlet?: string; url?: string; title?: string }) =>
    request<IngestResult>('POST', '/api/documents', input),
  uploadDocument: (form: FormData) => request<IngestResult>('POST', '/api/documents', form),

  entities: (q: ListQuery & { type?: EntityType; q?: string; state?: ReviewState } = {}) =>
    get<Page<EntitySummary>>('/api/entities', q),
  entity: (entityId: string) => get<EntityDetail>(`/api/entities/${id(entityId)}`),
  createEntity: (input: NewEntity) => request<EntityDetail>('POST', '/api/entities', input),
  editEntity: (entityId: string, patch: EntityPatch) => request<EntityDetail>('PATCH', `/api/entities/${id(entityId)}`, patch),
  mergeEntity: (entityId: string, into: string) =>
    request<{ entity: EntityDetail; mergedId: string }>('POST', `/api/entities/${id(entityId)}/merge`, { into }),
  splitEntity: (entityId: string, input: { name?: string; aliases?: string[]; mentionIds?: string[] }) =>
    request<{ original: EntityDetail; created: EntityDetail }>('POST', `/api/entities/${id(entityId)}/split`, input),

  events: (q: ListQuery & { type?: string; status?: string; state?: string; from?: string; to?: string; participant?: string; place?: string; parent?: string } = {}) =>
    get<Page<EventSummary>>('/api/events', q),
  event: (eventId: string) => get<EventDetail>(`/api/events/${id(eventId)}`),
  createEvent: (input: NewEvent) => request<EventDetail>('POST', '/api/events', input),
  editEvent: (eventId: string, patch: EventPatch) => request<EventDetail>('PATCH', `/api/events/${id(eventId)}`, patch),

  timeline: (q: ListQuery & { entity?: string; type?: string; from?: string; to?: string } = {}) =>
    get<Page<TimelineItem>>('/api/timeline', q),
  map: (q: { from?: string; to?: string; type?: string } = {}) => get<MapData>('/api/map', q),
  graph: (q: { entity?: string; type?: string; limit?: number } = {}) => get<GraphData>('/api/graph', q),
  search: (q: ListQuery & { q: string; kind?: SearchKind }) => get<Page<SearchHit>>('/api/search', q),

  review: (q: ListQuery & { state?: ReviewState; kind?: ReviewKind } = {}) => get<Page<ReviewItem>>('/api/review', q),
  confirm: (kind: ReviewKind, recordId: string) => request<ReviewResult>('POST', `/api/review/${kind}/${id(recordId)}/confirm`, {}),
  reject: (kind: ReviewKind, recordId: string) => request<ReviewResult>('POST', `/api/review/${kind}/${id(recordId)}/reject`, {}),
  history: (q: ListQuery & { kind?: string; id?: string } = {}) => get<Page<HistoryEntry>>('/api/history', q),
};
