import type { EventStatus, EventType } from '../../domain/index.js';

/**
 * CAMEO and PLOVER codes for the event types, so records line up with event-data sets.
 * Meetings and sessions are consultations; a visit is CAMEO 042 ("make a visit"); requests
 * are appeals; an approved or launched step is cooperation/agreement, a proposal an intent.
 */
export function eventCodes(type: EventType, status?: EventStatus): { cameo: string; plover: string } {
  switch (type) {
    case 'meeting':
    case 'session':
      return { cameo: '043', plover: 'CONSULT' };
    case 'visit':
      return { cameo: '042', plover: 'CONSULT' };
    case 'request':
      return { cameo: '020', plover: 'REQUEST' };
    case 'proposal':
      return { cameo: '030', plover: 'COOPERATE' };
    case 'decision':
      return status === 'rejected' ? { cameo: '120', plover: 'REJECT' } : { cameo: '057', plover: 'AGREE' };
  }
}
