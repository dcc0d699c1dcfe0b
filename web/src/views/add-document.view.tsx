import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, ApiError, href, navigate, today } from '../lib';
import { ErrorBox } from '../components';

type Mode = 'paste' | 'upload';

export function AddDocumentView() {
  const [mode, setMode] = useState<Mode>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [published, setPublished] = useState(today());
  const [outlet, setOutlet] = useState('');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const meta = { published, outlet: outlet.trim() || undefined, url: url.trim() || undefined, title: title.trim() || undefined };
      let result;
      if (mode === 'upload') {
        if (!file) throw new ApiError(0, 'client', 'Choose a text file to upload (.txt, .md or .html).');
        const form = new FormData();
        for (const [key, value] of Object.entries(meta)) if (value) form.set(key, value);
        form.set('file', file);
        result = await api.uploadDocument(form);
      } else {
        result = await api.addDocument({ text, ...meta });
      }
      navigate(href(['documents', result.document.id], result.duplicate ? { duplicate: 1 } : undefined));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <h1>Add a document</h1>
      <p className="muted">
        Paste an article or upload a text file. Liaison extracts its entities, events and quotes as drafts for review.
        The publication date is needed to resolve words such as “this week” or “in June”.
      </p>
      <form className="panel" onSubmit={submit} aria-describedby={error ? 'add-error' : undefined}>
        <fieldset>
          <legend>Source</legend>
          <div className="row" role="radiogroup" aria-label="How to add the text">
            <label className="row">
              <input type="radio" name="mode" value="paste" checked={mode === 'paste'} onChange={() => setMode('paste')} /> Paste text
            </label>
            <label className="row">
              <input type="radio" name="mode" value="upload" checked={mode === 'upload'} onChange={() => setMode('upload')} /> Upload a file
            </label>
          </div>
          {mode === 'paste' ? (
            <div className="field">
              <label htmlFor="doc-text">Article text</label>
              <textarea id="doc-text" required value={text} onChange={(e) => setText(e.target.value)} placeholder="BRUSSELS (Outlet) — …" />
            </div>
          ) : (
            <div className="field">
              <label htmlFor="doc-file">Text file</label>
              <input id="doc-file" type="file" accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html" required onChange={(e) => setFile(e.target.files?.[0])} />
              <p className="hint">Plain text, Markdown or HTML, up to 5 MB. Markup is removed, never run.</p>
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>About the document</legend>
          <div className="fields">
            <div className="field">
              <label htmlFor="doc-published">Publication date</label>
              <input id="doc-published" type="date" required value={published} onChange={(e) => setPublished(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="doc-outlet">Outlet</label>
              <input id="doc-outlet" type="text" value={outlet} onChange={(e) => setOutlet(e.target.value)} placeholder="found in the dateline if empty" />
            </div>
            <div className="field">
              <label htmlFor="doc-url">URL</label>
              <input id="doc-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" />
            </div>
            <div className="field">
              <label htmlFor="doc-title">Title</label>
              <input id="doc-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
            </div>
          </div>
        </fieldset>
        {error && (
          <div id="add-error">
            <ErrorBox error={error} />
          </div>
        )}
        <div className="row">
          <button type="submit" disabled={busy}>
            {busy ? 'Extracting…' : 'Add and extract'}
          </button>
        </div>
      </form>
    </div>
  );
}
