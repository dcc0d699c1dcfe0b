import { useState } from 'react';
import { api, EVENT_TYPES, href, plural, useApi } from '../lib';
import type { MapCountry, MapPlace } from '../lib';
import { Async, EntityLink, EventLink, StatusBadge, TypeBadge } from '../components';
import { WorldMap } from './world-map';

type Chosen = { kind: 'place'; place: MapPlace } | { kind: 'country'; country: MapCountry };

export function MapView() {
  const [type, setType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [chosen, setChosen] = useState<Chosen | undefined>();
  const state = useApi(() => api.map({ type, from, to }), `map:${type}:${from}:${to}`);

  return (
    <div className="stack">
      <h1>Map</h1>
      <form className="panel fields" role="search" aria-label="Filter the map" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="map-type">Event type</label>
          <select id="map-type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">all types</option>
            {EVENT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="map-from">From</label>
          <input id="map-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="map-to">To</label>
          <input id="map-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </form>
      <Async state={state} what="map">
        {(data) => (
          <div className="split">
            <div className="panel">
              <WorldMap
                key={`${type}:${from}:${to}`}
                places={data.places}
                countries={data.countries}
                chosenPlaceId={chosen?.kind === 'place' ? chosen.place.id : undefined}
                onChoosePlace={(place) => setChosen({ kind: 'place', place })}
                onChooseCountry={(country) => setChosen({ kind: 'country', country })}
              />
              <p className="small muted">
                {plural(data.places.length, 'place')}, {plural(data.countries.length, 'country', 'countries')} with activity. Drag to pan,
                Ctrl + wheel to zoom; choose a dot or a shaded country.
              </p>
            </div>
            <div className="stack">
              <section className="panel" aria-labelledby="map-chosen-h" aria-live="polite">
                {chosen?.kind === 'place' ? (
                  <>
                    <h2 id="map-chosen-h">
                      Events at <EntityLink entity={chosen.place} />
                    </h2>
                    {chosen.place.events.length === 0 ? (
                      <p className="muted">No events here, only mentions.</p>
                    ) : (
                      <ul className="plain" aria-label={`Events at ${chosen.place.name}`}>
                        {chosen.place.events.map((e) => (
                          <li key={e.id}>
                            <TypeBadge type={e.type} /> <EventLink event={e} /> <StatusBadge status={e.status} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </>
                ) : chosen?.kind === 'country' ? (
                  <>
                    <h2 id="map-chosen-h">
                      <EntityLink entity={chosen.country} />
                    </h2>
                    <p>
                      {plural(chosen.country.eventCount, 'event')}, {plural(chosen.country.mentionCount, 'mention')}.{' '}
                      <a href={href('timeline', { entity: chosen.country.id })}>See them on the timeline</a>.
                    </p>
                  </>
                ) : (
                  <>
                    <h2 id="map-chosen-h">Choose a place</h2>
                    <p className="muted small">Select a dot on the map or a place below to list its events.</p>
                  </>
                )}
              </section>
              <section className="panel" aria-labelledby="map-places-h">
                <h2 id="map-places-h">Places</h2>
                <ul className="plain">
                  {[...data.places]
                    .sort((a, b) => b.events.length - a.events.length || a.name.localeCompare(b.name))
                    .map((p) => (
                      <li key={p.id}>
                        <button type="button" className="link" onClick={() => setChosen({ kind: 'place', place: p })}>
                          {p.name}
                        </button>{' '}
                        <span className="small muted">{plural(p.events.length, 'event')}</span>
                      </li>
                    ))}
                </ul>
              </section>
            </div>
          </div>
        )}
      </Async>
    </div>
  );
}
