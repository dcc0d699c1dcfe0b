import { lazy, Suspense, useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { href, navigate, useRoute } from './lib';
import type { Route } from './lib';
import { Loading } from './components';
import { DashboardView } from './views/dashboard.view';
import { DocumentsView } from './views/documents.view';
import { DocumentView } from './views/document.view';
import { AddDocumentView } from './views/add-document.view';
import { EntitiesView } from './views/entities.view';
import { EntityView } from './views/entity.view';
import { EntityFormView } from './views/entity-form.view';
import { EventsView } from './views/events.view';
import { EventView } from './views/event.view';
import { EventFormView } from './views/event-form.view';
import { ProposalsView } from './views/proposals.view';
import { SearchView } from './views/search.view';
import { ReviewView } from './views/review.view';

// The three heavy views pull in vis-timeline, d3-geo + the atlas, and cytoscape:
// loading them on demand keeps the first page small.
const TimelineView = lazy(() => import('./views/timeline.view').then((m) => ({ default: m.TimelineView })));
const MapView = lazy(() => import('./views/map.view').then((m) => ({ default: m.MapView })));
const GraphView = lazy(() => import('./views/graph.view').then((m) => ({ default: m.GraphView })));

const NAV: Array<{ section: string; label: string }> = [
  { section: '', label: 'Dashboard' },
  { section: 'documents', label: 'Documents' },
  { section: 'entities', label: 'Entities' },
  { section: 'events', label: 'Events' },
  { section: 'proposals', label: 'Proposals' },
  { section: 'timeline', label: 'Timeline' },
  { section: 'map', label: 'Map' },
  { section: 'graph', label: 'Graph' },
  { section: 'review', label: 'Review' },
  { section: 'add', label: 'Add document' },
];

function routeView(route: Route): { title: string; view: ReactNode } {
  const [section = '', id, action] = route.segments;
  const q = route.query;
  switch (section) {
    case '':
      return { title: 'Dashboard', view: <DashboardView /> };
    case 'documents':
      return id ? { title: 'Document', view: <DocumentView id={id} at={q.get('at') ?? undefined} duplicate={q.has('duplicate')} /> } : { title: 'Documents', view: <DocumentsView /> };
    case 'add':
      return { title: 'Add a document', view: <AddDocumentView /> };
    case 'entities':
      if (id === 'new') return { title: 'New entity', view: <EntityFormView initialType={q.get('type') ?? undefined} /> };
      if (id && action === 'edit') return { title: 'Edit entity', view: <EntityFormView id={id} /> };
      return id ? { title: 'Entity', view: <EntityView id={id} /> } : { title: 'Entities', view: <EntitiesView type={q.get('type') ?? undefined} /> };
    case 'events':
      if (id === 'new') return { title: 'New event', view: <EventFormView initialType={q.get('type') ?? undefined} parentId={q.get('parent') ?? undefined} /> };
      if (id && action === 'edit') return { title: 'Edit event', view: <EventFormView id={id} /> };
      return id ? { title: 'Event', view: <EventView id={id} /> } : { title: 'Events', view: <EventsView /> };
    case 'proposals':
      return { title: 'Proposals', view: <ProposalsView /> };
    case 'timeline':
      return { title: 'Timeline', view: <TimelineView query={q} /> };
    case 'map':
      return { title: 'Map', view: <MapView /> };
    case 'graph':
      return { title: 'Graph', view: <GraphView entity={q.get('entity') ?? undefined} /> };
    case 'search':
      return { title: 'Search', view: <SearchView q={q.get('q') ?? ''} kind={q.get('kind') ?? undefined} /> };
    case 'review':
      return { title: 'Review', view: <ReviewView /> };
    default:
      return {
        title: 'Not found',
        view: (
          <div role="alert">
            <h1>Page not found</h1>
            <p>
              There is no page at this address. <a href={href('')}>Go to the dashboard</a>.
            </p>
          </div>
        ),
      };
  }
}

function HeaderSearch({ initial }: { initial: string }) {
  const [q, setQ] = useState(initial);
  useEffect(() => setQ(initial), [initial]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(href('search', { q: q.trim() }));
  };
  return (
    <form role="search" className="header-search" onSubmit={submit}>
      <label htmlFor="global-search" className="visually-hidden">
        Search the record
      </label>
      <input id="global-search" type="search" placeholder="Search documents, entities, events" value={q} onChange={(e) => setQ(e.target.value)} />
      <button type="submit">Search</button>
    </form>
  );
}

export function App() {
  const route = useRoute();
  const section = route.segments[0] ?? '';
  const { title, view } = routeView(route);

  useEffect(() => {
    document.title = `${title} · Liaison`;
  }, [title]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href={href('')}>
          Liaison
        </a>
        <nav className="app-nav" aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.section}>
                <a href={href(item.section)} aria-current={section === item.section ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <HeaderSearch initial={section === 'search' ? route.query.get('q') ?? '' : ''} />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what="view" />}>{view}</Suspense>
      </main>
    </>
  );
}
