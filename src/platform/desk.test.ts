import { describe, expect, it } from 'vitest';
import { Desk } from './desk.ts';

/** A desk whose batches wait for `release` before answering, recording each batch it handles. */
function recordingDesk(options: ConstructorParameters<typeof Desk<string, string>>[1] = {}) {
  const batches: string[][] = [];
  let release: () => void = () => {};
  const desk = new Desk<string, string>(async (requests) => {
    batches.push(requests);
    await new Promise<void>((resolve) => (release = resolve));
    return requests.map((request) => (request === 'bad' ? { error: new Error('bad request') } : { value: request.toUpperCase() }));
  }, options);
  return { desk, batches, release: () => release() };
}

/** Lets the desk take its next batch (it does so on the event loop's next turn). */
const tick = async () => {
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
};

describe('a desk', () => {
  it('handles a lone request at once, and batches the requests that arrive while it is busy', async () => {
    const { desk, batches, release } = recordingDesk();
    const first = desk.submit('a');
    await tick();
    const later = ['b', 'c', 'bad'].map((request) => desk.submit(request));
    expect(batches).toEqual([['a']]);
    release();
    expect(await first).toBe('A');
    await tick();
    expect(batches).toEqual([['a'], ['b', 'c', 'bad']]);
    release();
    await expect(Promise.all(later.slice(0, 2))).resolves.toEqual(['B', 'C']);
    await expect(later[2]).rejects.toThrow('bad request');
  });

  it('never puts two requests with the same key in one batch', async () => {
    const { desk, batches, release } = recordingDesk({ keyOf: (request) => request[0] });
    const answers = ['x1', 'x2', 'y1'].map((request) => desk.submit(request));
    await tick();
    expect(batches).toEqual([['x1', 'y1']]);
    release();
    await tick();
    expect(batches).toEqual([['x1', 'y1'], ['x2']]);
    release();
    await expect(Promise.all(answers)).resolves.toEqual(['X1', 'X2', 'Y1']);
  });
});
