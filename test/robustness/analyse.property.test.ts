import fc from 'fast-check';
import { analyse } from '../../src/analyser/analyse';
import { applyEdits } from '../../src/analyser/edits/apply-edits';
import { acceptAll, selectEdits } from '../../src/analyser/edits/decisions';
import { renderEdition } from '../../src/analyser/edits/render-edition';
import type { Finding } from '../../src/analyser';
import { UNRELATED_PARAGRAPH, adversarialDocument } from './adversarial-documents';
import { problemsOf } from './finding-checks';

// Each property analyses a document two or three times; 300 runs keep the file near 3 s.
// PROPERTY_RUNS=5000 searches further (a failure prints the seed and the shrunk document).
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
// One seed by default, so that `npm test` tries the same documents on every run and machine: at
// rare seeds the generator meets a known limitation (the failing tests at the end), which must not
// turn CI red at random. PROPERTY_SEED=<n> replays a seed; PROPERTY_SEED=random explores.
const SEED = process.env.PROPERTY_SEED === 'random' ? undefined : Number(process.env.PROPERTY_SEED ?? 1130);

/** The id without the "-2" that a second finding with the same kind and context gets. */
function idBase(finding: Finding): string {
  const hash = finding.id.slice(finding.kind.length + 1).split('-')[0];
  return `${finding.kind}-${hash}`;
}

describe('analyse on adversarial documents', () => {
  it('never throws, and reports well-formed findings: inside the text, text = slice, disjoint or nested', () => {
    fc.assert(
      fc.property(adversarialDocument, (text) => {
        expect(problemsOf(text, analyse(text).findings)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('gives the same ids on a second run, and the same ids after an unrelated paragraph is put in front', () => {
    fc.assert(
      fc.property(adversarialDocument, (text) => {
        const first = analyse(text).findings;
        expect(analyse(text).findings.map((finding) => finding.id)).toEqual(
          first.map((finding) => finding.id),
        );

        // An id hashes the kind, the range and 24 characters either side (analyse.ts), so a
        // finding whose context does not reach the new paragraph keeps its id wherever it is
        // found again. The "-2" of a repeated context counts the same findings earlier in the
        // document, so it is compared only where the context is unique in both analyses.
        const shift = UNRELATED_PARAGRAPH.length;
        const second = analyse(UNRELATED_PARAGRAPH + text).findings;
        const secondAt = new Map(
          second.map((finding) => [`${finding.kind} ${finding.start} ${finding.end}`, finding]),
        );
        const count = (findings: readonly Finding[]) => {
          const counts = new Map<string, number>();
          for (const finding of findings) counts.set(idBase(finding), (counts.get(idBase(finding)) ?? 0) + 1);
          return counts;
        };
        const firstCounts = count(first);
        const secondCounts = count(second);
        const changed: string[] = [];
        for (const finding of first) {
          if (finding.start < 24) continue;
          const again = secondAt.get(`${finding.kind} ${finding.start + shift} ${finding.end + shift}`);
          if (!again) continue;
          const unique = firstCounts.get(idBase(finding)) === 1 && secondCounts.get(idBase(finding)) === 1;
          if (idBase(again) !== idBase(finding) || (unique && again.id !== finding.id))
            changed.push(`${finding.id} became ${again.id}`);
        }
        expect(changed).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('gives back the source when nothing is accepted', () => {
    fc.assert(
      fc.property(adversarialDocument, (text) => {
        const { findings } = analyse(text);
        expect(renderEdition(text, findings, new Map(), { format: 'text' }).text).toBe(text);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('does not find the same artefact again in the text with every finding applied', () => {
    fc.assert(
      fc.property(adversarialDocument, (text) => {
        expect(cameBack(text)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

/**
 * The findings of `text` that are found again, the same kind with the same text, where their
 * replacement landed once every finding is applied: in it, or around it for a removal, which
 * lands as an empty range.
 */
function cameBack(text: string): Array<{ kind: string; text: string; at: number }> {
  const first = analyse(text).findings;
  const { edits } = selectEdits(first, acceptAll(first));
  const edited = applyEdits(text, edits);
  const byId = new Map(first.map((finding) => [finding.id, finding]));
  const landedIn = (again: Finding, { outputStart, outputEnd }: (typeof edited.applied)[number]) =>
    outputStart === outputEnd
      ? again.start <= outputStart && outputStart <= again.end
      : again.start < outputEnd && outputStart < again.end;
  return analyse(edited.text).findings.flatMap((again) =>
    edited.applied
      .filter((edit) => landedIn(again, edit))
      .map((edit) => byId.get(edit.findingId!)!)
      .filter((finding) => finding.kind === again.kind && finding.text === again.text)
      .map((finding) => ({ kind: finding.kind, text: finding.text, at: finding.start })),
  );
}

describe('applying every finding settles the document in one round', () => {
  test.each([
    ['a word written four times', 'He met the the the the people.'],
    ['a run with mixed separators', 'An open, inclusive, inclusive and inclusive, balanced economy.'],
    [
      'two repeats that share a word',
      'Young people from all over the world world the world the world the in the era.',
    ],
    [
      // fast-check's counterexample (seeds 762785445, -1429860941): the " 2" of the second copy
      // was read as the marker of note 2 below, which split the run of three copies.
      'a repeated phrase that holds a footnote label',
      '2 Compilation, 2 Compilation, 2 Compilation of Documents of the 19th National Congress, 2017\n' +
        "2 Compilation of Documents of the 19th National Congress, People's Publishing House, 2017\n" +
        '\f\nChapter XIV: Building a Community with a Shared Future\n2\nChina Aerospace Studies Institute\n' +
        'Chapter XIV: Building a Community with a Shared Future\n3\nChina Aerospace Studies Institute',
    ],
  ])('%s', (_name, text) => {
    expect(cameBack(text)).toEqual([]);
  });

  // Known limitation: a stutter inside the separator of another repeat. The first round removes
  // the doubled "and", which leaves "important and important", a repeat of its own that only a
  // second round finds. adversarial-documents.ts does not generate it.
  test.failing('a conjunction doubled between the copies of a repeat', () => {
    expect(cameBack('It is the most important and and important and important partner.')).toEqual([]);
  });

  // Known limitation (fast-check, seed 762785445): a run of three copies whose last word is
  // doubled on its own after it ("responsibility and responsibility"). The run is read from its
  // second copy only, so the first round leaves two copies, which the second round joins.
  test.failing('a run of three copies followed by its last word doubled', () => {
    expect(
      cameBack(
        'innovation in concepts and methods, fully demonstrated the responsibility; fully demonstrated ' +
          'the responsibility; fully demonstrated the responsibility and responsibility of the party.',
      ),
    ).toEqual([]);
  });
});
