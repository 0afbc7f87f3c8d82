/**
 * Invented footnote bodies for the generated extractions: citations of books, articles and
 * interviews that do not exist, some short, some long enough to wrap over two or three lines.
 */

import type { Random } from './random';

const AUTHORS = [
  'Liu Wenqing',
  'Marianne Duclos',
  'Harold Penrose',
  'Zhao Minghua',
  'Aicha Benali',
  'Thomas Okafor',
  'Chen Yutong',
  'Ingrid Halvorsen',
  'Wang Shuhui',
  'Pierre-Louis Martel',
];

const TITLES = [
  'Rivers Without Borders: Essays on Shared Waters',
  'The Politics of the Delta',
  'Teachers in the Mountains: A Field Study of Rural Schooling',
  'Cooperation and Its Discontents',
  'Notes on Cultural Diplomacy, 1964-2004',
  'Local Government and International Partnership',
  'Confidence-Building Measures in Practice',
  'Reading in the Countryside: Libraries, Lorries and Literacy',
  'The Commission Years: Recollections of a Basin Negotiator',
];

const PUBLISHERS = [
  'Riverside Academic Press',
  'Northgate University Press',
  'Harbour Books',
  'Eastbridge Publishing House',
  'Institute for Comparative Regional Studies',
];

const JOURNALS = [
  'Journal of Regional Cooperation',
  'Water Policy Review',
  'Comparative Education Quarterly',
];
const CITIES = ['Lyon', 'Chengdu', 'Geneva', 'Kunming', 'Rotterdam', 'Nairobi'];
const MONTHS = ['January', 'March', 'May', 'June', 'September', 'November'];
const ROLES = ['retired diplomat', 'county education officer', 'hydrologist', 'village head teacher'];

/** One invented citation, without its label. */
export function inventCitation(random: Random): string {
  const author = random.pick(AUTHORS);
  const title = random.pick(TITLES);
  const year = random.int(1978, 2023);
  const page = random.int(3, 480);
  switch (random.int(0, 4)) {
    case 0:
      return `${author}: "${title}", ${random.pick(PUBLISHERS)}, ${year} edition, p. ${page}.`;
    case 1:
      return `${author}, ${title} (${random.pick(CITIES)}: ${random.pick(PUBLISHERS)}, ${year}), ${page}-${page + random.int(1, 9)}.`;
    case 2:
      return (
        `See ${author}, “${title}”, ${random.pick(JOURNALS)}, No. ${random.int(1, 12)}, ${year}, ` +
        `pp. ${page}-${page + random.int(2, 20)}; and, for a rather different reading of the same events, ` +
        `${random.pick(AUTHORS)}, ${random.pick(TITLES)}, ${random.pick(PUBLISHERS)}, ${Math.min(2024, year + random.int(1, 12))}, ` +
        `especially the chapter on the years after ${year}.`
      );
    case 3:
      return `Interview with a ${random.pick(ROLES)}, ${random.pick(CITIES)}, ${random.pick(MONTHS)} ${year}.`;
    default:
      return (
        `${author}: "${title}", in ${random.pick(AUTHORS)} (ed.), Collected Papers of the ${random.pick(CITIES)} ` +
        `Conference on Regional Development, ${random.pick(PUBLISHERS)}, ${year}, p. ${page}.`
      );
  }
}
