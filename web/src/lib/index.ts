export { api, ApiError } from './api';
export type { ListQuery } from './api';
export { useApi } from './use-api';
export type { Loaded } from './use-api';
export { href, navigate, parseHash, useRoute } from './router';
export type { Route } from './router';
export { splitText, groupByMark, outermostSpans } from './highlight';
export type { MarkSpan, TextPiece } from './highlight';
export { statusLabel, timeLabel, shortDate, plural, today } from './format';
export {
  ENTITY_TYPES, EVENT_TYPES, MEETING_STATUSES, PROPOSAL_STATUSES, ROLES, INSTRUMENT_KINDS,
} from './api-types';
export type {
  ReviewState, EntityType, EventType, MeetingStatus, ProposalStatus, EventStatus, Role,
  InstrumentKind, Page, Evidence, EntityRef, EventRef, DocumentRef, TimeInterval, EntityAttributes,
  EntitySummary, Participation, EventSummary, Quote, DocumentSummary, DocumentMention,
  DocumentDetail, IngestResult, EntityDetail, EventDetail, TimelineItem, MapPlace, MapCountry,
  MapData, GraphEdgeKind, GraphData, SearchKind, SearchHit, ReviewKind, ReviewItem, ReviewResult,
  HistoryEntry, Dashboard, Health, NewEventParticipant, NewEvent, EventPatch, NewEntity, EntityPatch,
} from './api-types';
export { contextAround, parseSpan, safeUrl } from './text-context';
