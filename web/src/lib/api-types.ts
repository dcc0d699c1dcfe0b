/** JSON shapes of the HTTP API, as docs/API.md describes them. The UI reads nothing else. */
export type ReviewState = 'draft' | 'confirmed' | 'rejected';
export type EntityType = 'person' | 'organization' | 'country' | 'place' | 'instrument';
export type EventType = 'meeting' | 'session' | 'visit' | 'request' | 'proposal' | 'decision';
export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';
export type ProposalStatus = 'proposed' | 'under_review' | 'expected' | 'approved' | 'rejected' | 'implemented';
export type EventStatus = MeetingStatus | ProposalStatus;
export type Role = 'host' | 'participant' | 'guest' | 'visitor' | 'requester' | 'addressee' | 'subject' | 'place';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'country', 'place', 'instrument'];
export const EVENT_TYPES: readonly EventType[] = ['meeting', 'session', 'visit', 'request', 'proposal', 'decision'];
export const MEETING_STATUSES: readonly MeetingStatus[] = ['scheduled', 'held', 'cancelled'];
export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['proposed', 'under_review', 'expected', 'approved', 'rejected', 'implemented'];
export const ROLES: readonly Role[] = ['host', 'participant', 'guest', 'visitor', 'requester', 'addressee', 'subject', 'place'];
export const INSTRUMENT_KINDS = ['office', 'centre', 'hub', 'mission', 'initiative', 'programme', 'envoy', 'fund', 'facility', 'partnership', 'other'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Evidence {
  documentId: string;
  start: number;
  end: number;
  rule: string;
  sentence?: { start: number; end: number; text: string };
}

export interface EntityRef { id: string; type: EntityType; name: string }
export interface EventRef { id: string; type: EventType; label: string; status?: EventStatus }
export interface DocumentRef { id: string; title?: string; outlet?: string; published?: string }

export interface TimeInterval {
  start: string;
  end: string;
  precision: 'day' | 'week' | 'month' | 'year';
  iso: string;
  tense: 'past' | 'present' | 'future';
}

export interface EntityAttributes {
  iso2?: string;
  iso3?: string;
  lat?: number;
  lon?: number;
  role?: string;
  roleDate?: string;
  placeKind?: 'city' | 'region' | 'site';
  instrumentKind?: InstrumentKind;
  hostPlace?: string;
  parentOrganization?: string;
  lexiconId?: string;
}

export interface EntitySummary extends EntityRef {
  aliases: string[];
  attributes: EntityAttributes;
  reviewState: ReviewState;
  mentionCount: number;
  documentCount: number;
}

export interface Participation { role: Role; entity: EntityRef }

export interface EventSummary extends EventRef {
  reviewState: ReviewState;
  time?: TimeInterval;
  places: EntityRef[];
  participants: Participation[];
  parentId?: string;
  topics: string[];
  cameo?: string;
  plover?: string;
  documents: DocumentRef[];
}

export interface Quote {
  id: string;
  text: string;
  speaker: string;
  speakerEntity?: EntityRef;
  eventId?: string;
  documentId: string;
  evidence: Evidence;
  reviewState: ReviewState;
}

export interface DocumentSummary extends DocumentRef {
  url?: string;
  dateline?: string;
  language?: string;
  hash: string;
  ingestedAt: string;
  length: number;
  counts: { entities: number; events: number; quotes: number };
}

export interface DocumentMention {
  id: string;
  start: number;
  end: number;
  text: string;
  rule: string;
  entity: EntityRef;
}

export interface DocumentDetail extends DocumentSummary {
  text: string;
  notes: string[];
  mentions: DocumentMention[];
  entities: EntitySummary[];
  events: Array<EventSummary & { evidence: Evidence[] }>;
  quotes: Quote[];
}

export interface IngestResult { duplicate: boolean; document: DocumentDetail }

export interface EntityDetail extends EntitySummary {
  events: Array<EventSummary & { role: Role }>;
  quotes: Quote[];
  related: Array<{ entity: EntityRef; count: number; via: 'event' | 'document' }>;
  sources: Array<DocumentRef & { mentionCount: number }>;
  mentions: Array<{ id: string; documentId: string; start: number; end: number; text: string; rule: string }>;
  mergedInto?: string;
}

export interface EventDetail extends EventSummary {
  parent?: EventRef;
  sessions: EventSummary[];
  participantsByRole: Partial<Record<Role, Array<{ entity: EntityRef; evidence: Evidence[] }>>>;
  evidence: Evidence[];
  timeEvidence?: Evidence;
  quotes: Quote[];
}

export interface TimelineItem extends EventRef {
  start: string;
  end: string;
  precision: string;
  iso: string;
  tense: string;
  parentId?: string;
  reviewState: ReviewState;
  places: EntityRef[];
  participants: EntityRef[];
}

export interface MapPlace extends EntityRef { lat: number; lon: number; iso2?: string; events: EventRef[] }
export interface MapCountry extends EntityRef {
  iso2: string;
  iso3?: string;
  isoNumeric?: string;
  eventCount: number;
  mentionCount: number;
}
export interface MapData { places: MapPlace[]; countries: MapCountry[] }

export type GraphEdgeKind = 'meets' | 'visits' | 'serves' | 'requests';
export interface GraphData {
  nodes: Array<EntityRef & { weight: number }>;
  edges: Array<{ id: string; source: string; target: string; kind: GraphEdgeKind; weight: number; eventIds: string[] }>;
}

export type SearchKind = 'document' | 'entity' | 'event';
export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string;
  highlights: Array<{ start: number; end: number }>;
  score: number;
}

export type ReviewKind = 'entity' | 'event' | 'quote';
export interface ReviewItem {
  kind: ReviewKind;
  id: string;
  state: ReviewState;
  label: string;
  type?: string;
  evidence?: Evidence;
  updatedAt: string;
}
export interface ReviewResult { kind: ReviewKind; id: string; state: ReviewState; previousState: ReviewState }

export interface HistoryEntry {
  id: string;
  kind: 'entity' | 'event' | 'quote' | 'document';
  recordId: string;
  action: 'create' | 'edit' | 'confirm' | 'reject' | 'merge' | 'split' | 'ingest';
  field?: string;
  before?: unknown;
  after?: unknown;
  user: string;
  at: string;
  note?: string;
}

export interface Dashboard {
  today: string;
  upcoming: Array<EventSummary & { sessions: EventSummary[] }>;
  proposalsByStatus: Array<{ status: EventStatus; count: number; items: EventSummary[] }>;
  latestDocuments: DocumentSummary[];
  reviewQueue: { total: number; byKind: Record<ReviewKind, number> };
  counts: { documents: number; entities: number; events: number; quotes: number };
}

export interface Health { status: string; version: string; store: 'sqlite' | 'postgres'; time: string }

export interface NewEventParticipant { entityId: string; role: Role }
export interface NewEvent {
  type: EventType;
  label: string;
  status?: EventStatus;
  date?: string;
  places?: string[];
  participants?: NewEventParticipant[];
  topics?: string[];
  parentId?: string;
  sessions?: Array<{ label: string; date?: string; status?: EventStatus; participants?: NewEventParticipant[] }>;
}
export interface EventPatch {
  label?: string;
  type?: EventType;
  status?: EventStatus;
  date?: string | null;
  places?: string[];
  participants?: NewEventParticipant[];
  topics?: string[];
  parentId?: string | null;
}
export interface NewEntity { type: EntityType; name: string; aliases?: string[]; attributes?: EntityAttributes }
export interface EntityPatch {
  name?: string;
  type?: EntityType;
  aliases?: string[];
  attributes?: { [K in keyof EntityAttributes]?: EntityAttributes[K] | null };
}
