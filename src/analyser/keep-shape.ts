/**
 * Objects kept for the life of the process, so that V8 keeps their shapes.
 *
 * V8 compiles an analysis's hot loops for the shapes (hidden classes) of the objects they read.
 * Some of those objects are made once per analysis and read millions of times: the layout's
 * line ends, the body view's builder, the quote scan's state. When a full garbage collection
 * finds no object of such a shape alive, as it may between two analyses, V8 forgets the shape
 * and throws away the optimised code that checked for it (`node --trace-deopt` reports "weak
 * objects"): the next analysis makes its objects with a new shape and runs partly cold until
 * that code is compiled again. The same happens to code that inlined a closure made for one
 * analysis, which is why the analyser's hot paths call module functions on plain data.
 *
 * An example of each such object, made at load time by the same factory as the real ones, keeps
 * the shape alive. It costs a few empty objects.
 */

const examples: object[] = [];

/** Keeps `example` alive for the life of the process; returns it. */
export function keepShapeOf<T extends object>(example: T): T {
  examples.push(example);
  return example;
}
