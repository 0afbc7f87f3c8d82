/**
 * The PostgreSQL store's SQL: every statement postgres-store.ts runs, named so that each
 * connection prepares it once, and the questions checkIntegrity asks. Parameters are
 * numbered; a filter's null means "any".
 */

/** A named statement: prepared by PostgreSQL on first use on each connection. */
function statement(name: string, text: string): Readonly<{ name: string; text: string }> {
  return { name: `galley_${name}`, text };
}

/**
 * The filters of findings() and decideMany(), as parameters $1 to $5: the document, a kind, a
 * list of kinds, a status and a confidence floor; null means "any".
 */
const MATCHING = `
  document_id = $1
  AND ($2::text IS NULL OR kind = $2::text)
  AND ($3::text[] IS NULL OR kind = ANY ($3::text[]))
  AND ($4::text IS NULL OR status = $4::text)
  AND ($5::float8 IS NULL OR confidence >= $5::float8)`;

const DOCUMENT_COLUMNS = 'id, title, analysed_length AS length, created_at AS "createdAt"';
const HISTORY_COLUMNS = `id, finding_id AS "findingId", version, decision, text, editor, batch_id AS batch,
  decided_at AS "decidedAt"`;
const DECISION_COLUMNS = 'document_id, finding_id, version, decision, text, editor, batch_id, decided_at';

export const SQL = {
  insertDocument: statement(
    'insert_document',
    `INSERT INTO documents (title, text, analysed_length, headings, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
  ),
  // Only the first import writes the row: later ones read it and take no lock.
  markFirstImport: statement(
    'mark_first_import',
    `INSERT INTO first_import (imported_at) SELECT $1
     WHERE NOT EXISTS (SELECT 1 FROM first_import) ON CONFLICT DO NOTHING`,
  ),
  // One statement for a whole chunk of findings: the columns as arrays, unnested in step.
  insertFindings: statement(
    'insert_findings',
    `INSERT INTO findings (document_id, finding_id, ordinal, kind, start, "end", line, "column", text,
       replacement, confidence, message, page, footnote, footnote_id)
     SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::int[], $6::int[], $7::int[],
       $8::int[], $9::text[], $10::text[], $11::float8[], $12::text[], $13::text[], $14::json[], $15::text[])`,
  ),
  updateAnalysis: statement(
    'update_analysis',
    'UPDATE documents SET analysed_length = $2, headings = $3 WHERE id = $1',
  ),
  deleteFindings: statement('delete_findings', 'DELETE FROM findings WHERE document_id = $1'),
  findingIds: statement('finding_ids', 'SELECT finding_id FROM findings WHERE document_id = $1'),
  anyDocument: statement('any_document', 'SELECT EXISTS (SELECT 1 FROM documents) AS present'),
  everAnyDocument: statement('ever_any_document', 'SELECT EXISTS (SELECT 1 FROM first_import) AS present'),
  document: statement('document', `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`),
  documents: statement('documents', `SELECT ${DOCUMENT_COLUMNS} FROM documents ORDER BY id`),
  source: statement('source', 'SELECT text, headings FROM documents WHERE id = $1'),
  // The row lock every write on a document takes first: writers on one document queue here.
  lockDocument: statement('lock_document', 'SELECT id FROM documents WHERE id = $1 FOR UPDATE'),
  deleteDocument: statement('delete_document', 'DELETE FROM documents WHERE id = $1'),
  countsOf: statement(
    'counts_of',
    `SELECT document_id AS "documentId", kind, status, count(*) AS count FROM finding_statuses
     WHERE document_id = $1 GROUP BY document_id, kind, status`,
  ),
  allCounts: statement(
    'all_counts',
    `SELECT document_id AS "documentId", kind, status, count(*) AS count FROM finding_statuses
     GROUP BY document_id, kind, status`,
  ),
  findings: statement(
    'findings',
    `SELECT * FROM finding_statuses WHERE ${MATCHING} ORDER BY ordinal LIMIT $6 OFFSET $7`,
  ),
  countFindings: statement(
    'count_findings',
    `SELECT count(*) AS total FROM finding_statuses WHERE ${MATCHING}`,
  ),
  finding: statement('finding', 'SELECT * FROM finding_statuses WHERE document_id = $1 AND finding_id = $2'),
  placeInKind: statement(
    'place_in_kind',
    `SELECT count(*) AS place FROM findings AS other, findings AS one
     WHERE one.document_id = $1 AND one.finding_id = $2
       AND other.document_id = one.document_id AND other.kind = one.kind
       AND other.ordinal < one.ordinal`,
  ),
  insertDecision: statement(
    'insert_decision',
    `INSERT INTO decisions (${DECISION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
  ),
  // A batch accept leaves out flag-only findings: accepting one changes nothing, and each
  // needs an editor's own look.
  insertBatch: statement(
    'insert_batch',
    `INSERT INTO decisions (${DECISION_COLUMNS})
     SELECT document_id, finding_id, version + 1, $6::text, NULL, $7::text, $8::text, $9::text
     FROM finding_statuses
     WHERE ${MATCHING} AND ($6::text <> 'accept' OR replacement IS NOT NULL)
     ORDER BY ordinal`,
  ),
  batchExists: statement(
    'batch_exists',
    'SELECT EXISTS (SELECT 1 FROM decisions WHERE document_id = $1 AND batch_id = $2) AS present',
  ),
  // Only the findings the batch still decides: a later decision by hand stands.
  insertUndo: statement(
    'insert_undo',
    `INSERT INTO decisions (${DECISION_COLUMNS})
     SELECT document_id, finding_id, version + 1, 'reset', NULL, $3::text, $2::text, $4::text
     FROM finding_statuses
     WHERE document_id = $1 AND decision_batch = $2::text AND status <> 'pending'
     ORDER BY ordinal`,
  ),
  // Appends a whole export's decisions in one statement, in the export's order.
  insertDecisions: statement(
    'insert_decisions',
    `INSERT INTO decisions (${DECISION_COLUMNS})
     SELECT $1, finding_id, version, decision, text, editor, batch_id, decided_at
     FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       WITH ORDINALITY AS d (finding_id, version, decision, text, editor, batch_id, decided_at, position)
     ORDER BY position`,
  ),
  decisionsOfDocument: statement(
    'decisions_of_document',
    `SELECT ${DECISION_COLUMNS} FROM decisions WHERE document_id = $1`,
  ),
  history: statement(
    'history',
    `SELECT ${HISTORY_COLUMNS} FROM decisions WHERE document_id = $1 ORDER BY id`,
  ),
  orphaned: statement(
    'orphaned',
    `SELECT ${HISTORY_COLUMNS} FROM decisions AS d WHERE document_id = $1
       AND NOT EXISTS (SELECT 1 FROM findings AS f
         WHERE f.document_id = d.document_id AND f.finding_id = d.finding_id)
     ORDER BY id`,
  ),
  decided: statement(
    'decided',
    `SELECT finding_id, status, decision_text FROM finding_statuses
     WHERE document_id = $1 AND status IN ('accepted', 'edited')`,
  ),
} as const;

/**
 * What checkIntegrity asks, each query answering one problem per row as `problem`. SQLite's
 * integrity_check and foreign_key_check have no equal here (PostgreSQL enforces foreign keys
 * as it writes); what can still go wrong is what someone did by hand: disabled triggers,
 * an index left invalid, a sequence set back by a restore, rows copied in around the keys.
 */
export const INTEGRITY_CHECKS: readonly string[] = [
  // A finding's versions run 1, 2, … n with no gap and no repeat (the unique index forbids repeats).
  `SELECT format('finding %s of document %s has %s decisions but version %s',
     finding_id, document_id, count(*), max(version)) AS problem
   FROM decisions GROUP BY document_id, finding_id HAVING max(version) <> count(*)`,
  // A deleted document takes its findings and history with it.
  `SELECT format('%s decisions of document %s, which no longer exists', count(*), document_id) AS problem
   FROM decisions AS d WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = d.document_id)
   GROUP BY document_id`,
  `SELECT format('%s findings of document %s, which no longer exists', count(*), document_id) AS problem
   FROM findings AS f WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = f.document_id)
   GROUP BY document_id`,
  // The ids to come must be above every id given: a deleted document's id is never reused.
  // Only this schema's two sequences are read: the pg_sequences view reads every sequence of the
  // database, and fails on one that another schema is dropping at that moment.
  `SELECT format('the sequence of %s.id is at %s, below the highest id %s: new rows would reuse ids',
     t.name, t.last_value, t.highest) AS problem
   FROM (SELECT name, highest, coalesce(pg_sequence_last_value(sequence::regclass), 0) AS last_value
         FROM (VALUES ('documents', (SELECT max(id) FROM documents), pg_get_serial_sequence('documents', 'id')),
                      ('decisions', (SELECT max(id) FROM decisions), pg_get_serial_sequence('decisions', 'id')))
           AS named (name, highest, sequence)) AS t
   WHERE t.highest > t.last_value`,
  `SELECT 'documents exist but the first import was never recorded: a restart would import the seed' AS problem
   WHERE EXISTS (SELECT 1 FROM documents) AND NOT EXISTS (SELECT 1 FROM first_import)`,
  // Triggers carry the foreign keys and the append-only rule: disabled, neither holds.
  `SELECT format('trigger %s on %s is disabled', t.tgname, t.tgrelid::regclass) AS problem
   FROM pg_trigger AS t JOIN pg_class AS c ON c.oid = t.tgrelid
   WHERE c.relnamespace = current_schema()::regnamespace
     AND c.relname IN ('documents', 'findings', 'decisions') AND t.tgenabled = 'D'`,
  `SELECT format('index %s is invalid (an interrupted build): rebuild it with REINDEX', i.indexrelid::regclass) AS problem
   FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
   WHERE c.relnamespace = current_schema()::regnamespace AND NOT (i.indisvalid AND i.indisready)`,
  `SELECT format('constraint %s on %s is not validated', conname, conrelid::regclass) AS problem
   FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND NOT convalidated`,
];
