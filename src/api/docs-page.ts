import type { OpenApiDocument, OpenApiOperation } from './openapi.js';
import type { JsonSchema } from './schemas.js';

// The page is built on the server from the OpenAPI document: no scripts, no CDN, and
// every string passes through `escapeHtml`, so it is safe under `default-src 'self'`.

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function schemaText(schema: JsonSchema | undefined): string {
  return schema === undefined ? '' : JSON.stringify(schema, null, 2);
}

function schemaBrief(schema: JsonSchema): string {
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? '';
  const parts: string[] = [];
  if (schema.type) parts.push(String(schema.type));
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.join(' | ')}`);
  if (schema.pattern) parts.push(`pattern ${String(schema.pattern)}`);
  if (schema.format) parts.push(`format ${String(schema.format)}`);
  if (schema.minimum !== undefined) parts.push(`min ${String(schema.minimum)}`);
  if (schema.maximum !== undefined) parts.push(`max ${String(schema.maximum)}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}

function anchor(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
}

function operationHtml(method: string, path: string, op: OpenApiOperation): string {
  const e = escapeHtml;
  const rows = (op.parameters ?? [])
    .map((p) => `<tr><td><code>${e(p.name)}</code></td><td>${e(p.in)}</td><td>${p.required ? 'yes' : ''}</td><td>${e(schemaBrief(p.schema))}</td></tr>`)
    .join('');
  const params = rows ? `<table><thead><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr></thead><tbody>${rows}</tbody></table>` : '';
  const body = op.requestBody
    ? Object.entries(op.requestBody.content)
        .map(([type, c]) => `<details><summary>request body: ${e(type)}</summary><pre>${e(schemaText(c.schema))}</pre></details>`)
        .join('')
    : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const resp = r as { description: string; content?: Record<string, { schema: JsonSchema }> };
      const content = Object.entries(resp.content ?? {})
        .map(([type, c]) => `<details><summary>${e(type)}</summary><pre>${e(schemaText(c.schema))}</pre></details>`)
        .join('');
      return `<li><strong>${e(status)}</strong> ${e(resp.description)}${content}</li>`;
    })
    .join('');
  return `<section id="${anchor(method, path)}"><h3><span class="method">${e(method.toUpperCase())}</span> <code>${e(path)}</code></h3>
<p>${e(op.summary)}</p>${params}${body}<ul>${responses}</ul></section>`;
}

/** A self-contained HTML rendering of the OpenAPI document. */
export function renderDocsPage(doc: OpenApiDocument): string {
  const e = escapeHtml;
  const info = doc.info as { title: string; version: string; description: string };
  const byTag = new Map<string, string[]>();
  const index: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags[0] ?? 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)?.push(operationHtml(method, path, op));
      index.push(`<li><a href="#${anchor(method, path)}"><span class="method">${e(method.toUpperCase())}</span> ${e(path)}</a></li>`);
    }
  }
  const components = doc.components as { schemas: Record<string, JsonSchema>; 'x-problem-codes': { code: string; status: number; title: string }[] };
  const problems = components['x-problem-codes']
    .map((p) => `<tr id="problem-${e(p.code)}"><td><code>${e(p.code)}</code></td><td>${p.status}</td><td>${e(p.title)}</td></tr>`)
    .join('');
  const schemas = Object.entries(components.schemas)
    .map(([name, s]) => `<details id="schema-${e(name)}"><summary>${e(name)}</summary><pre>${e(schemaText(s))}</pre></details>`)
    .join('');
  const sections = [...byTag.entries()].map(([tag, ops]) => `<h2>${e(tag)}</h2>${ops.join('')}`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(info.title)} ${e(info.version)}</title>
<link rel="stylesheet" href="/api/docs.css"></head>
<body><header><h1>${e(info.title)} <small>${e(info.version)}</small></h1><p>${e(info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${e(String(doc.openapi))})</p></header>
<nav><h2>Endpoints</h2><ul>${index.join('')}</ul></nav>
<main>${sections}
<h2>Problem codes</h2><table><thead><tr><th>code</th><th>status</th><th>title</th></tr></thead><tbody>${problems}</tbody></table>
<h2>Schemas</h2>${schemas}</main></body></html>`;
}

export const DOCS_CSS = `body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 2rem;color:#1b1f24;line-height:1.45}
code,pre{font-family:ui-monospace,monospace;font-size:.85rem}pre{background:#f4f5f7;padding:.6rem;overflow:auto}
section{border-top:1px solid #d8dce1;padding:.4rem 0}.method{display:inline-block;min-width:4rem;font-weight:700;color:#0b5cad}
table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #d8dce1;padding:.2rem .5rem;text-align:left}
nav ul{columns:2;list-style:none;padding:0}nav a{text-decoration:none}`;
