import { useEffect, useState } from 'react';

/**
 * Hash routing: `#/entities/42?tab=quotes`. The server only has to serve index.html at
 * `/`, and a reload keeps the view, which is all this app needs from a router.
 */
export interface Route {
  /** Path segments after `#/`, decoded: `#/entities/42` → ['entities', '42']. */
  segments: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const segments = path.split('/').filter(Boolean).map((part) => decodeURIComponent(part));
  return { segments, query: new URLSearchParams(search) };
}

/** Builds `#/a/b?x=1`, encoding each segment and dropping empty query values. */
export function href(path: string | Array<string | number>, query?: Record<string, string | number | undefined>): string {
  const segments = Array.isArray(path) ? path.map((s) => encodeURIComponent(String(s))) : [path.replace(/^\//, '')];
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `#/${segments.join('/')}${search ? `?${search}` : ''}`;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    history.replaceState(null, '', to);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = to.replace(/^#/, '');
  }
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseHash(hash);
}
