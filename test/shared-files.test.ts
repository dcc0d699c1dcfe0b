import { describe, expect, it } from 'vitest';
import { hasShared, runsWithShared, SHARED_DIR } from './shared-files.js';

// Skipping the seed tests is for a clone on its own; CI must have the shared folder.
describe.runIf(runsWithShared && !hasShared)('shared folder under CI', () => {
  it('is beside the repository', () => {
    expect.fail(`The shared folder is not at ${SHARED_DIR} and CI is set: check it out beside the repository (or set LIAISON_SHARED).`);
  });
});
