/**
 * What the JSON API prints for the store's records: a finding's `id` is its public id
 * (finding-ids.ts), with the analyser's id kept as `findingId`; `footnoteId` is public too, so
 * that it matches the footnote's `id`.
 */

import type { HistoryEntry, ReviewedFinding } from '../store';
import { publicFindingId } from './finding-ids';

export function findingJson(finding: ReviewedFinding) {
  const { documentId } = finding;
  return {
    id: publicFindingId(documentId, finding.id),
    findingId: finding.id,
    documentId,
    kind: finding.kind,
    start: finding.start,
    end: finding.end,
    line: finding.line,
    column: finding.column,
    text: finding.text,
    replacement: finding.replacement,
    confidence: finding.confidence,
    message: finding.message,
    ...(finding.page !== undefined && { page: finding.page }),
    ...(finding.footnote !== undefined && { footnote: finding.footnote }),
    ...(finding.footnoteId !== undefined && { footnoteId: publicFindingId(documentId, finding.footnoteId) }),
    status: finding.status,
    decisionText: finding.decisionText,
    version: finding.version,
  };
}

export function historyJson(documentId: number, entry: HistoryEntry) {
  return {
    id: entry.id,
    finding: publicFindingId(documentId, entry.findingId),
    findingId: entry.findingId,
    version: entry.version,
    decision: entry.decision,
    text: entry.text,
    editor: entry.editor,
    batch: entry.batch,
    decidedAt: entry.decidedAt,
  };
}
