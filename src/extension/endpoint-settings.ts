/**
 * Saving the report endpoint from the options page: the host permission for its origin is asked
 * for at once (browsers show the prompt only inside the click's user gesture), the address is
 * stored by the background, and the page learns later whether the reader granted access. A
 * dismissed or refused prompt is "denied": the page must say so, not that reports will arrive.
 */
import { checkEndpoint } from './endpoint.js';
import type { EndpointUpdate } from './messages.js';

/** The slice of `browser.permissions` used here. */
export interface PermissionsApi {
  request(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

export type PermissionAnswer = 'granted' | 'denied' | 'not-needed';

export type EndpointSaved =
  | {
      ok: true;
      endpoint: string | null;
      /** Settles when the reader answers the browser's permission prompt (which may stay open a while). */
      permission: Promise<PermissionAnswer>;
    }
  | { ok: false; message: string };

export interface EndpointSettingsDeps {
  permissions: PermissionsApi;
  /** The background's setEndpoint. */
  setEndpoint(url: string | null): Promise<EndpointUpdate>;
  /** The background's retryPendingReports: a new grant lets waiting reports through now. */
  retryPending(): Promise<unknown>;
}

/** Must be called straight from the click. */
export function saveEndpoint(deps: EndpointSettingsDeps, url: string): Promise<EndpointSaved> {
  if (url.trim() === '') {
    return deps.setEndpoint(null).then((cleared) =>
      cleared.ok ? { ok: true, endpoint: null, permission: Promise.resolve<PermissionAnswer>('not-needed') } : cleared,
    );
  }
  const checked = checkEndpoint(url);
  if (!checked.ok) return Promise.resolve(checked);
  // Before any await: the prompt needs the user gesture, which ends with this task.
  let asked: Promise<boolean>;
  try {
    asked = deps.permissions.request({ origins: [checked.originPattern] });
  } catch (error) {
    asked = Promise.reject(error);
  }
  const permission = asked.then(
    (yes): PermissionAnswer => (yes ? 'granted' : 'denied'),
    (): PermissionAnswer => 'denied',
  );
  return deps.setEndpoint(checked.url).then((saved) => {
    if (!saved.ok) return saved;
    void permission.then((answer) => (answer === 'granted' ? deps.retryPending() : undefined)).catch(() => undefined);
    return { ok: true, endpoint: saved.endpoint, permission };
  });
}

/** Whether the browser lets the extension reach `endpoint` (its host permission is granted). */
export async function endpointReachable(permissions: PermissionsApi, endpoint: string): Promise<boolean> {
  const checked = checkEndpoint(endpoint);
  if (!checked.ok) return false;
  try {
    return await permissions.contains({ origins: [checked.originPattern] });
  } catch {
    return false;
  }
}

/** The host part of an endpoint, for sentences ("reports.example.org"). */
export function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
