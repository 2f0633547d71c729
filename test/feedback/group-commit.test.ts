import { groupCommit } from '../../src/feedback/group-commit';

describe('group commit', () => {
  it('writes the posts that arrive together in one batch, and the ones during a write in the next', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const record = groupCommit<number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = [1, 2, 3].map(record);
    await new Promise((resolve) => setImmediate(resolve));
    const second = [4, 5].map(record);
    release();
    await Promise.all([...first, ...second]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('resolves each post only once its batch is written', async () => {
    const order: string[] = [];
    const record = groupCommit<string>(async (items) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(`written ${items.join(',')}`);
    });
    await Promise.all(
      ['a', 'b'].map((item) => record(item).then(() => order.push(`resolved ${item}`))),
    );
    expect(order).toEqual(['written a,b', 'resolved a', 'resolved b']);
  });

  it('tries a failed batch row by row, so only the bad row fails', async () => {
    const record = groupCommit<number>(async (items) => {
      if (items.includes(13)) throw new Error('bad row');
    });
    const results = await Promise.allSettled([1, 13, 2].map(record));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
