/**
 * The same text, as one sequential string. V8 keeps a slice of a long string as a pointer into
 * it and a concatenation as a pair, and code that reads characters one by one is compiled for
 * the representations it has met: once a slice has gone through the analyser's character loops,
 * they run a quarter slower for every later document (measured on the seed ×100 after one
 * single-paragraph document). The analyser reads the source and the body view this way only.
 */
export function sequential(text: string): string {
  // Joining two pieces builds a new sequential string; a slice of a slice would be a slice.
  return text.length < 2 ? text : [text.slice(0, 1), text.slice(1)].join('');
}
