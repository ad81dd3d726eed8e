/**
 * Following a source from the options page: the browser shows a permission prompt only inside
 * the click's user gesture, so the request is made before anything else, for the address's own
 * site. The background then finds the feeds; when the feed or its articles live on further
 * sites, the page asks for all of them with one more click (see FollowAnswer).
 */
import { followableAddress } from '../follow/address-policy.js';
import type { FollowAnswer } from './background/followed-sources.js';
import { originPattern } from './origin-pattern.js';
import type { PermissionsApi } from './endpoint-settings.js';

export interface FollowSettingsDeps {
  permissions: PermissionsApi;
  /** The background's followSource. */
  follow(address: string): Promise<FollowAnswer>;
}

/**
 * Must be called straight from the click. `origins`: every site the source needs, as a
 * previous answer named them; by default the address's own.
 */
export function followFromClick(deps: FollowSettingsDeps, address: string, origins?: readonly string[]): Promise<FollowAnswer> {
  const checked = followableAddress(address);
  if ('error' in checked) return Promise.resolve({ ok: false, error: checked.error });
  let asked: Promise<boolean>;
  try {
    // Before any await: the prompt needs the user gesture, which ends with this task.
    asked = deps.permissions.request({ origins: [...(origins ?? [originPattern(checked.url)])] });
  } catch (error) {
    asked = Promise.reject(error);
  }
  return asked.then(
    (granted) => (granted ? deps.follow(checked.url) : { ok: false, error: `Not followed: the browser did not give Firsthand access to ${new URL(checked.url).host} (the request was dismissed or refused).` }),
    (error: unknown) => ({ ok: false, error: `Not followed: the browser refused the request for access (${error instanceof Error ? error.message : String(error)}).` }),
  );
}
