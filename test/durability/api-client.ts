/**
 * The few calls of the JSON API (CONTRACT.md) that the durability, concurrency and load tests
 * make over HTTP, and the one check they share: a finding's status is its latest decision's.
 */

export interface ApiFinding {
  /** The public id (`d<document>-<finding>`). */
  id: string;
  kind: string;
  replacement: string | null;
  status: 'pending' | 'accepted' | 'rejected' | 'edited';
  decisionText: string | null;
  version: number;
}

export interface ApiDecision {
  /** The finding's public id. */
  finding: string;
  version: number;
  decision: 'accept' | 'reject' | 'edit' | 'reset';
  text: string | null;
  editor: string | null;
  batch: string | null;
}

export interface Answer<Body> {
  status: number;
  body: Body;
}

export async function postJson<Body>(url: string, body: object): Promise<Answer<Body>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

async function getJson<Body>(url: string): Promise<Body> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Body;
}

/** Imports the text as a new document; its id. */
export async function importDocument(base: string, title: string, text: string): Promise<number> {
  const response = await fetch(`${base}/api/documents?title=${encodeURIComponent(title)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: text,
  });
  if (response.status !== 201)
    throw new Error(`import answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: number }).id;
}

export async function listFindings(
  base: string,
  documentId: number,
  query: Record<string, string> = {},
): Promise<ApiFinding[]> {
  const search = new URLSearchParams(query).toString();
  const url = `${base}/api/documents/${documentId}/findings${search ? `?${search}` : ''}`;
  return (await getJson<{ findings: ApiFinding[] }>(url)).findings;
}

export async function listHistory(base: string, documentId: number): Promise<ApiDecision[]> {
  return (await getJson<{ decisions: ApiDecision[] }>(`${base}/api/documents/${documentId}/history`))
    .decisions;
}

const STATUS_OF = { accept: 'accepted', reject: 'rejected', edit: 'edited', reset: 'pending' } as const;

/**
 * Where a finding's status or version is not what its history says (its latest decision; pending
 * and version 0 with none), as one line each: empty when they all agree.
 */
export function disagreements(
  findings: ReadonlyArray<Pick<ApiFinding, 'id' | 'status' | 'version' | 'decisionText'>>,
  history: ReadonlyArray<Pick<ApiDecision, 'finding' | 'version' | 'decision' | 'text'>>,
): string[] {
  const latest = new Map<string, (typeof history)[number]>();
  for (const entry of history) {
    const before = latest.get(entry.finding);
    if (!before || entry.version > before.version) latest.set(entry.finding, entry);
  }
  const problems: string[] = [];
  for (const finding of findings) {
    const decision = latest.get(finding.id);
    const status = decision ? STATUS_OF[decision.decision] : 'pending';
    const version = decision?.version ?? 0;
    const text = decision?.decision === 'edit' ? decision.text : null;
    if (finding.status !== status || finding.version !== version || finding.decisionText !== text)
      problems.push(
        `${finding.id}: ${finding.status} v${finding.version}, but its history says ${status} v${version}`,
      );
  }
  return problems;
}
