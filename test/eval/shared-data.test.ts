/** Where the shared evaluation data is looked for, and when its absence is an error. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateDataset, MissingDatasetError, REPO_ROOT, sharedDirOf, sharedRequired } from '../../src/eval/shared-data.js';

describe('the shared data folder', () => {
  it('is ../shared beside the repo unless FIRSTHAND_SHARED_DIR names another', () => {
    expect(sharedDirOf({})).toBe(path.resolve(REPO_ROOT, '../shared'));
    expect(sharedDirOf({ FIRSTHAND_SHARED_DIR: '/data/firsthand' })).toBe('/data/firsthand');
    expect(sharedDirOf({ FIRSTHAND_SHARED_DIR: 'elsewhere' })).toBe(path.resolve(REPO_ROOT, 'elsewhere'));
  });

  it('is required only when FIRSTHAND_REQUIRE_SHARED=1, not merely under CI', () => {
    expect(sharedRequired({ CI: 'true' })).toBe(false);
    expect(sharedRequired({ FIRSTHAND_REQUIRE_SHARED: '1' })).toBe(true);
  });

  it('skips a missing dataset with its reason, or fails when required', () => {
    const env = { FIRSTHAND_SHARED_DIR: '/nonexistent/firsthand-shared' };
    const located = locateDataset('clough-stevenson-short-answers', env);
    expect('skip' in located && located.skip).toContain('/nonexistent/firsthand-shared/eval/clough-stevenson-short-answers');
    expect(() => locateDataset('clough-stevenson-short-answers', { ...env, FIRSTHAND_REQUIRE_SHARED: '1' })).toThrow(MissingDatasetError);
  });
});
