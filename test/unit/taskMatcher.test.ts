// The matcher's contrast of two tasks (TaskMatcher.contrast): what a text shares with one and not the other, the
// measure by which reference-mismatch tells twin tasks apart (topics.ts, twinOwnMax).
import * as assert from 'assert';
import { TaskMatcher } from '../../server/src/core/matcher';
import { Task } from '../../server/src/core/types';

const task = (id: string, text: string) => ({ id, text }) as unknown as Task;

// two twins written to one pattern, and tasks of other topics that make the shared words' weights what they are
const matcher = new TaskMatcher([
  task('T1.1', '允许以中外共同捐资方式举办非营利性医疗机构。'),
  task('T1.2', '允许外商捐资举办非营利性养老机构，可登记为民办非企业单位。'),
  task('T1.3', '推动数字人民币试点。'),
  task('T1.4', '支持外商投资旅行社从事出境旅游业务。'),
]);

describe('TaskMatcher.contrast', () => {
  it('weighs what a text shares with each twin alone: nothing with the one whose words it shares only with the other', () => {
    const { onlyA, onlyB } = matcher.contrast('外商捐资举办非营利性养老机构', 'T1.1', 'T1.2');
    assert.strictEqual(onlyA, 0);
    assert.ok(onlyB > 0, `养老机构 and 外商 are the second twin's alone: ${onlyB}`);
    // the other way round, the same two sums swapped
    assert.deepStrictEqual(matcher.contrast('外商捐资举办非营利性养老机构', 'T1.2', 'T1.1'), { onlyA: onlyB, onlyB: onlyA });
  });

  it('counts a word of each twin on its side, and the words they share on neither', () => {
    const both = matcher.contrast('中外共同捐资举办非营利性医疗机构和养老机构', 'T1.1', 'T1.2');
    assert.ok(both.onlyA > 0 && both.onlyB > 0, JSON.stringify(both));
    assert.deepStrictEqual(matcher.contrast('举办非营利性机构', 'T1.1', 'T1.2'), { onlyA: 0, onlyB: 0 });
  });

  it('leaves the scores of the last text scored as they were', () => {
    const text = '外商捐资举办非营利性养老机构';
    const before = matcher.scoreOf(text, ['T1.1', 'T1.2']);
    matcher.contrast('推动数字人民币试点', 'T1.3', 'T1.4');
    assert.deepStrictEqual(matcher.scoreOf(text, ['T1.1', 'T1.2']), before);
    assert.deepStrictEqual(matcher.match(text, 2).map((m) => m.task.id), ['T1.2', 'T1.1']);
  });

  it('is nothing for a task it does not know', () => {
    assert.deepStrictEqual(matcher.contrast('外商捐资举办非营利性养老机构', 'T1.1', 'T9.9'), { onlyA: 0, onlyB: 0 });
  });
});
