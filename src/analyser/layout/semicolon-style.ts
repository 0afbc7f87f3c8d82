/**
 * The document's own style after a semicolon: the share of semicolons followed by a lower-case
 * word ("; adhere to" rather than "; Adhere to"). A capital there is an artefact only in a
 * document that nearly always writes lower case.
 */
export function lowerShareAfterSemicolons(text: string): number {
  let lower = 0;
  let total = 0;
  for (let at = text.indexOf(';'); at !== -1; at = text.indexOf(';', at + 1)) {
    let next = at + 1;
    while (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9) next++;
    if (next === at + 1) continue;
    const code = text.charCodeAt(next);
    if (code >= 97 && code <= 122) {
      lower++;
      total++;
    } else if (code >= 65 && code <= 90) {
      total++;
    }
  }
  return total === 0 ? 0 : lower / total;
}
