// What a client adds to the server's environment when it starts it (server/src/shared/launch.ts).
import * as assert from 'assert';
import { serverEnvironment } from '../../server/src/shared/launch';

describe('the server launch environment', () => {
  it("adds glibc's fixed trim threshold when the environment has none", () => {
    assert.deepStrictEqual(serverEnvironment({ PATH: '/usr/bin' }), { MALLOC_TRIM_THRESHOLD_: '131072' });
  });

  it('leaves a variable the user set as it is (their value, not ours)', () => {
    assert.deepStrictEqual(serverEnvironment({ MALLOC_TRIM_THRESHOLD_: '0' }), {});
    assert.deepStrictEqual(serverEnvironment({ MALLOC_TRIM_THRESHOLD_: '' }), {});
  });
});
