/**
 * Checks what a client sends (ids in the path, query strings, JSON bodies) with zod schemas.
 * A value that fails is a 400 whose message names the field and what it must be.
 */

import { z } from 'zod';
import { KINDS } from '../analyser';
import { HttpError } from './http-error';

export function parseWith<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, describeIssue(result.error.issues[0]));
  return result.data;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid request';
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `'${key}'`).join(', ')}`;
  }
  const where = issue.path.map(String).join('.');
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}

/** A query parameter left empty (`?kind=`, as an HTML form sends it) counts as absent. */
export function optionalParameter<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

/** A document's id in a path: a positive whole number. */
export const documentIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, { error: 'is not a document id (a positive whole number)' })
  .transform(Number);

/** A whole number written in decimal, from 0 up. */
export const wholeNumberSchema = z
  .string({ error: 'must be a whole number' })
  .regex(/^\d{1,9}$/, { error: 'must be a whole number' })
  .transform(Number);

/** A confidence in a query string: a plain decimal from 0 to 1 ("0.8", ".8", "1"). */
export const confidenceParameterSchema = z
  .string({ error: 'must be a number from 0 to 1' })
  .regex(/^(\d+(\.\d*)?|\.\d+)$/, { error: 'must be a number from 0 to 1' })
  .transform(Number)
  .refine((value) => value <= 1, { error: 'must be a number from 0 to 1' });

/** A confidence in a JSON body. */
export const confidenceSchema = z
  .number({ error: 'must be a number from 0 to 1' })
  .min(0, { error: 'must be a number from 0 to 1' })
  .max(1, { error: 'must be a number from 0 to 1' });

/** A finding kind, in a query string or a body. */
export const kindSchema = z.enum(KINDS, { error: `must be one of ${KINDS.join(', ')}` });

/** A batch's id, as the store gives it. */
export const batchIdSchema = z.uuid({ error: 'is not a batch id' });

/** One finding's decision, from the API or a page's form. */
export const decisionKindSchema = z.enum(['accept', 'reject', 'edit', 'reset'], {
  error: 'must be accept, reject, edit or reset',
});

/** A batch only accepts or rejects. */
export const batchDecisionSchema = z.enum(['accept', 'reject'], { error: 'must be accept or reject' });

/** Who decided, as an editor names themselves: optional, one line. */
export const editorSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(100, { error: 'must be at most 100 characters' })
  .regex(/^[^\p{Cc}]*$/u, { error: 'must be one line of text' });

/** A finding's version: how many decisions it has had. */
export const versionSchema = z
  .number({ error: 'must be a whole number' })
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must be 0 or more' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' });

/** The longest edit: a finding's replacement, not a book. */
export const MAX_EDIT_LENGTH = 1_000_000;

/** An editor's text for a finding: any text but a NUL (which no document holds either). */
export const editTextSchema = z
  .string({ error: 'must be a string' })
  .max(MAX_EDIT_LENGTH, { error: `must be at most ${MAX_EDIT_LENGTH} characters` })
  .refine((text) => !text.includes('\u0000'), { error: 'must not contain a NUL character' });
