// The gateway's /api/v3. Errors arrive as application/problem+json, with the fields at fault in `errors`.

import type { paths } from './schema';
import type { OpenAnswers } from './types';

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly reason: string, message: string, readonly fieldErrors: FieldError[] = []) {
    super(message);
  }

  /** The message for one form field, when the API named it. */
  forField(field: string): string | undefined {
    return this.fieldErrors.find((error) => error.field === field)?.message;
  }
}

/** A change the cluster-service tracks until the cluster shows it: 202 with its id, or nothing to do (304). */
export type Submitted = { requestId: string } | { unchanged: true };

function xsrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** Called when the session has ended, so that the app can ask for a login again. */
let onSessionEnded: () => void = () => undefined;
export function whenSessionEnds(callback: () => void) {
  onSessionEnded = callback;
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = xsrfToken();
  let response: Response;
  try {
    response = await fetch(`/api/v3${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'Unreachable', 'The Loligo server does not answer. Check that api-gateway is running.');
  }
  if (response.status >= 400) {
    const problem = await response.json().catch(() => ({}));
    const error = new ApiError(response.status, problem.reason ?? `Http${response.status}`,
      problem.detail ?? problem.title ?? `HTTP ${response.status}`, problem.errors ?? []);
    if (response.status === 401 && !path.startsWith('/auth/')) onSessionEnded();
    throw error;
  }
  return response;
}

// Every call names a path of the committed OpenAPI document as the document writes it ('/pool/{pool}'), with that
// path's parameters, query and body: the compiler checks each against the document and gives the answer its type.

/** The document's paths under /api/v3, as the console names them. */
type V3 = { [P in keyof paths as P extends `/api/v3${infer Rest}` ? Rest : never]: paths[P] };
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof V3, M extends Method> = NonNullable<V3[P][M]>;
/** The paths that answer the method. */
export type PathOf<M extends Method> = { [P in keyof V3]: [Operation<P, M>] extends [never] ? never : P }[keyof V3];

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : void;
type Answer<Op> = Op extends { responses: { 200: infer Ok } } ? Json<Ok> : Op extends { responses: { 201: infer Created } } ? Json<Created> : void;
/** What a call answers: the document's type, or where the document leaves it open, the console's own. */
type Answered<P extends keyof V3, M extends Method> =
  P extends keyof OpenAnswers ? M extends keyof OpenAnswers[P] ? OpenAnswers[P][M] : Answer<Operation<P, M>> : Answer<Operation<P, M>>;
type QueryValue = string | number | boolean | null | undefined;

/** A body as the console sends it: a form's fields may be left out, null, or a value as the operator typed it. */
type Sent<B> = B extends readonly unknown[] ? B : B extends object ? { [K in keyof B]?: B[K] | string | null } : B;
type PathPart<Op> = Op extends { parameters: { path: infer Names } } ? { path: { [K in keyof Names]: string | number } } : unknown;
type QueryPart<Op> = Op extends { parameters: { query?: infer Names } }
  ? [Names] extends [undefined] ? unknown : { query?: { [K in keyof Names]?: QueryValue } }
  : unknown;
type BodyPart<Op> = Op extends { requestBody: { content: { 'application/json': infer B } } } ? { body: Sent<B> }
  : Op extends { requestBody?: { content: { 'application/json': infer B } } } ? { body?: Sent<B> }
  : unknown;
/** The path parameters of a GET. */
export type Params<P extends PathOf<'get'>> = Operation<P, 'get'> extends { parameters: { path: infer Names } } ? { [K in keyof Names]: string | number } : never;
type Options<Op> = PathPart<Op> & QueryPart<Op> & BodyPart<Op>;
/** The options argument, required when the operation has path parameters or needs a body. */
type Args<Op> = Record<string, never> extends Options<Op> ? [options?: Options<Op>] : [options: Options<Op>];

interface Given {
  path?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

/** The path with its parameters in place, each encoded, and the query. */
export function url(template: string, options?: Given): string {
  const filled = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = options?.path?.[name];
    if (value === undefined) throw new Error(`${template} needs ${name}`);
    return encodeURIComponent(String(value));
  });
  return filled + query(options?.query ?? {});
}

async function json(method: string, path: string, options?: Given): Promise<unknown> {
  const response = await send(method, url(path, options), options?.body);
  const text = await response.text();
  return text ? JSON.parse(text) : {};
}

export function get<P extends PathOf<'get'>>(path: P, ...[options]: Args<Operation<P, 'get'>>): Promise<Answered<P, 'get'>> {
  return json('GET', path, options as Given) as Promise<Answered<P, 'get'>>;
}

export function post<P extends PathOf<'post'>>(path: P, ...[options]: Args<Operation<P, 'post'>>): Promise<Answered<P, 'post'>> {
  return json('POST', path, options as Given) as Promise<Answered<P, 'post'>>;
}

export function patch<P extends PathOf<'patch'>>(path: P, ...[options]: Args<Operation<P, 'patch'>>): Promise<Answered<P, 'patch'>> {
  return json('PATCH', path, options as Given) as Promise<Answered<P, 'patch'>>;
}

export function put<P extends PathOf<'put'>>(path: P, ...[options]: Args<Operation<P, 'put'>>): Promise<Answered<P, 'put'>> {
  return json('PUT', path, options as Given) as Promise<Answered<P, 'put'>>;
}

export function del<P extends PathOf<'delete'>>(path: P, ...[options]: Args<Operation<P, 'delete'>>): Promise<void> {
  return send('DELETE', url(path, options as Given)).then(() => undefined);
}

type Mutation = 'POST' | 'PATCH' | 'DELETE';

/** A mutation that becomes a tracked request. */
export async function submit<M extends Mutation, P extends PathOf<Lowercase<M>>>(method: M, path: P,
  ...[options]: Args<Operation<P, Lowercase<M>>>): Promise<Submitted> {
  const given = options as Given | undefined;
  const response = await send(method, url(path, given), given?.body);
  if (response.status === 304) return { unchanged: true };
  const accepted = await response.json().catch(() => ({}));
  return { requestId: accepted.request_id };
}

/** Query parameters, leaving out the empty ones. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
