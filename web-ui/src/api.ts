// The gateway's /api/v2 in Calamari's shapes; errors arrive as application/problem+json.

export interface Cluster {
  id: string;
  name: string;
  update_time: string;
}

export interface Service {
  fsid: string | null;
  type: string;
  id: string;
  running: boolean;
}

export interface Server {
  fqdn: string;
  hostname: string;
  managed: boolean;
  last_contact: string;
  boot_time: string | null;
  ceph_version: string | null;
  services: Service[];
  late: boolean;
  os: string | null;
  heartbeat_period: number;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly reason: string, message: string) {
    super(message);
  }
}

function xsrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = xsrfToken();
  let response: Response;
  try {
    response = await fetch(`/api/v2${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'Unreachable', 'The Loligo server does not answer. Check that api-gateway is running.');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem.reason ?? `Http${response.status}`,
      problem.detail ?? problem.title ?? `HTTP ${response.status}`);
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

export const api = {
  login: (username: string, password: string) =>
    request<{ username: string }>('POST', '/auth/login', { username, password }),
  logout: () => request<unknown>('POST', '/auth/logout'),
  clusters: () => request<Cluster[]>('GET', '/cluster'),
  servers: () => request<Server[]>('GET', '/server'),
};
