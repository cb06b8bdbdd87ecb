// The workspace's plan files are read once while unchanged on disk (server/src/planFileCache.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PlanFileCache } from '../../server/src/planFileCache';
import type { PlanSource } from '../../server/src/readers/planFile';

describe('the cache of workspace plan files', () => {
  let dir: string;
  const reads: string[] = [];
  const read = async (file: string): Promise<PlanSource> => {
    reads.push(path.basename(file));
    return { text: fs.readFileSync(file, 'utf8'), format: 'markdown' } as PlanSource;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-cache-'));
    reads.length = 0;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a file again only when its size or modification time changes', async () => {
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, '落实表1第12项。\n');
    const cache = new PlanFileCache(read);
    assert.strictEqual((await cache.get(file)).text, '落实表1第12项。\n');
    assert.strictEqual((await cache.get(file)).text, '落实表1第12项。\n');
    assert.deepStrictEqual(reads, ['a.md'], 'the second time from the cache');
    fs.writeFileSync(file, '落实表1第13项。\n');
    fs.utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1)); // a modification time of its own, whatever the file system's resolution
    assert.strictEqual((await cache.get(file)).text, '落实表1第13项。\n');
    assert.deepStrictEqual(reads, ['a.md', 'a.md'], 'changed on disk: read again');
    cache.forget(file);
    await cache.get(file);
    assert.deepStrictEqual(reads, ['a.md', 'a.md', 'a.md'], 'forgotten (the editor said it changed): read again, though it looks the same');
  });

  it('keeps at most its limit of characters, dropping the least recently read first', async () => {
    for (const name of ['a', 'b', 'c']) fs.writeFileSync(path.join(dir, `${name}.md`), name.repeat(40));
    const cache = new PlanFileCache(read, 100);
    await cache.get(path.join(dir, 'a.md'));
    await cache.get(path.join(dir, 'b.md'));
    await cache.get(path.join(dir, 'a.md')); // a is now the most recently read
    await cache.get(path.join(dir, 'c.md')); // 120 characters: b goes
    assert.strictEqual(cache.size, 2);
    reads.length = 0;
    await cache.get(path.join(dir, 'a.md'));
    await cache.get(path.join(dir, 'b.md'));
    assert.deepStrictEqual(reads, ['b.md']);
  });

  it('does not keep what it could not read, nor a file larger than its limit', async () => {
    const cache = new PlanFileCache(async () => {
      throw new Error('not a Word document');
    });
    const file = path.join(dir, 'broken.docx');
    fs.writeFileSync(file, 'x');
    await assert.rejects(cache.get(file), /not a Word document/);
    assert.strictEqual(cache.size, 0);
    const small = new PlanFileCache(read, 10);
    fs.writeFileSync(path.join(dir, 'big.md'), 'x'.repeat(11));
    await small.get(path.join(dir, 'big.md'));
    assert.strictEqual(small.size, 0);
  });
});
