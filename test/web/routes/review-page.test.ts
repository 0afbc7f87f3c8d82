import fs from 'node:fs';
import request from 'supertest';
import { SEED_FILE } from '../../../src/web/paths';
import { JUDGEMENT_KINDS } from '../../../src/web/view-models/findings';
import { importText, useTestApp } from '../test-helpers';

const context = useTestApp();

describe('the judgement calls, one by one', () => {
  it('lists only the judgement kinds, in reading order, and counts them', async () => {
    const documentId = await importText(context.app, fs.readFileSync(SEED_FILE), 'Seed');
    const { body } = await request(context.app).get(`/api/documents/${documentId}/findings`).expect(200);
    const judgement = (body.findings as { kind: string; start: number }[]).filter((finding) =>
      JUDGEMENT_KINDS.includes(finding.kind as never),
    );
    expect(judgement.length).toBeGreaterThan(50);
    expect(JUDGEMENT_KINDS).not.toContain('line-wrap');

    const overview = (await request(context.app).get(`/documents/${documentId}`).expect(200)).text;
    expect(overview).toContain(
      `Judgement calls, one by one: <a href="/documents/${documentId}?group=judgement&amp;status=pending">${judgement.length} pending</a>`,
    );

    const page = (
      await request(context.app).get(`/documents/${documentId}?group=judgement&status=pending`).expect(200)
    ).text;
    expect(page).toContain(`Showing judgement calls, pending: ${judgement.length} findings.`);
    const kinds = [...page.matchAll(/<span class="kind">([\w-]+)<\/span>/g)].map((match) => match[1]);
    expect(kinds).toEqual(judgement.slice(0, 50).map((finding) => finding.kind));
    // The next page keeps the group.
    expect(page).toContain(`href="/documents/${documentId}?group=judgement&amp;status=pending&amp;page=2"`);
  });

  it('refuses an unknown group', async () => {
    const documentId = await importText(context.app, 'A text.\n');
    const page = await request(context.app).get(`/documents/${documentId}?group=everything`).expect(400);
    expect(page.text).toContain('group: must be judgement');
  });
});
