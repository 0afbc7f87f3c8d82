import { analyse } from '../../../src/analyser/analyse';
import { DETECTORS } from '../../../src/analyser/detectors';
import { acceptAll } from '../../../src/analyser/edits/decisions';
import { applyEdits } from '../../../src/analyser/edits/apply-edits';
import { selectEdits } from '../../../src/analyser/edits/decisions';

// Every detector's own examples (its `meta.examples`, shown in the docs) run here: accepting
// every finding of the detector's kind turns `before` into `after`.
describe.each(DETECTORS.map((detector) => [detector.meta.id, detector] as const))('%s', (_id, detector) => {
  it.each(detector.meta.examples.map((example, index) => [index, example] as const))(
    'example %i',
    (_index, example) => {
      const { findings } = analyse(example.before, { kinds: [detector.meta.kind] });
      expect(findings.length).toBeGreaterThan(0);
      const { edits } = selectEdits(findings, acceptAll(findings));
      expect(applyEdits(example.before, edits).text).toBe(example.after);
    },
  );
});

it('the registry is sorted by id and ids are unique', () => {
  const ids = DETECTORS.map((detector) => detector.meta.id);
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
});
