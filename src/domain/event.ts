import type { Evidence } from './evidence.js';

export const EVENT_TYPES = ['meeting', 'session', 'visit', 'request', 'proposal', 'decision'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export const PROPOSAL_STATUSES = ['proposed', 'under_review', 'expected', 'approved', 'rejected', 'implemented'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export type EventStatus = MeetingStatus | ProposalStatus;

export const ROLES = ['host', 'participant', 'guest', 'visitor', 'requester', 'addressee', 'subject', 'place'] as const;
export type Role = (typeof ROLES)[number];

export type Precision = 'day' | 'week' | 'month' | 'year';
export type Tense = 'past' | 'present' | 'future';

/** A resolved time: an inclusive day interval plus how precise the text was. */
export interface TimeInterval {
  /** YYYY-MM-DD, inclusive. */
  start: string;
  /** YYYY-MM-DD, inclusive. */
  end: string;
  precision: Precision;
  /** ISO 8601 as the text's precision allows: 2025-04-03, 2025-W14, 2025-06, 2025, or START/END. */
  iso: string;
  tense: Tense;
}

export interface Participant {
  /** Key of an ExtractedEntity in the same extraction (or a stored entity id once resolved). */
  entityKey: string;
  role: Role;
  evidence: Evidence;
}

export interface ExtractedEvent {
  key: string;
  type: EventType;
  /** A short human label: "NATO-Ukraine Council session", "Mark Rutte visits Sarajevo". */
  label: string;
  status?: EventStatus;
  time?: TimeInterval & { evidence: Evidence };
  participants: Participant[];
  parentKey?: string;
  topics: string[];
  /** CAMEO and PLOVER codes where the event type maps onto them. */
  cameo?: string;
  plover?: string;
  evidence: Evidence;
}
