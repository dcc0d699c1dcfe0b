import { timeLabel } from '../lib';
import type { EventSummary } from '../lib';
import { StateBadge, StatusBadge, TypeBadge } from './badges';
import { EventLink } from './links';

/** One event in a list: type, label, status, and when/where underneath. */
export function EventLine({ event, showState = false }: { event: EventSummary; showState?: boolean }) {
  return (
    <>
      <TypeBadge type={event.type} /> <EventLink event={event} /> <StatusBadge status={event.status} />
      {showState && <> <StateBadge state={event.reviewState} /></>}
      <div className="small muted">
        {timeLabel(event.time)}
        {event.places.length > 0 && <> · {event.places.map((p) => p.name).join(', ')}</>}
      </div>
    </>
  );
}
