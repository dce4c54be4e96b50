// The gateway's /api/v3. Errors arrive as application/problem+json, with the fields at fault in `errors`.

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

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

export function get<T>(path: string): Promise<T> {
  return json<T>('GET', path);
}

export function post<T>(path: string, body?: unknown): Promise<T> {
  return json<T>('POST', path, body);
}

export function patch<T>(path: string, body?: unknown): Promise<T> {
  return json<T>('PATCH', path, body);
}

export function put<T>(path: string, body?: unknown): Promise<T> {
  return json<T>('PUT', path, body);
}

export function del(path: string): Promise<void> {
  return send('DELETE', path).then(() => undefined);
}

/** A mutation that becomes a tracked request. */
export async function submit(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Submitted> {
  const response = await send(method, path, body);
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
