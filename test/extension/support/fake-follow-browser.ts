/**
 * browser.permissions and browser.alarms as following uses them, in memory: the origins the
 * reader granted, and the alarms set (with what they were set with).
 */
import type { FollowBrowser } from '../../../src/extension/background/followed-sources.js';

export interface FakeFollowBrowser extends FollowBrowser {
  readonly granted: Set<string>;
  readonly alarmsSet: Map<string, { delayInMinutes?: number; periodInMinutes?: number }>;
}

export function fakeFollowBrowser(granted: Iterable<string> = []): FakeFollowBrowser {
  const origins = new Set(granted);
  const alarmsSet = new Map<string, { delayInMinutes?: number; periodInMinutes?: number }>();
  return {
    granted: origins,
    alarmsSet,
    permissions: {
      async contains({ origins: asked }) {
        return asked.every((o) => origins.has(o));
      },
      async remove({ origins: gone }) {
        for (const o of gone) origins.delete(o);
        return true;
      },
    },
    alarms: {
      create(name, info) {
        alarmsSet.set(name, info);
      },
      async clear(name) {
        return alarmsSet.delete(name);
      },
      async get(name) {
        return alarmsSet.get(name);
      },
    },
  };
}
