import fs from 'node:fs';
import path from 'node:path';
import { newId } from '../../shared/domain/ids';
import { blocksToDoc } from '../../shared/report/document';
import { harvest } from '../../shared/report/registry';
import { appendBlocks } from '../../shared/report/ydoc';
import { joinMany, meetingWithFacilitator, openScalePoll } from '../helpers/fixtures';
import { eventually, ok, startServer } from '../helpers/server';
import { yClient } from '../helpers/yjs';
import { type BenchRow, pct, round } from './lib';

const SEED = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/seed-000-verslag.txt'), 'utf8');

/**
 * Export time of a verslag of a 40-person meeting: the seed verslag's text typed in, and the scale
 * poll of 40 participants (with explanations) and the chat harvested into it. Median of 10 runs.
 */
export async function exportBench(runs = 10): Promise<BenchRow[]> {
  const srv = await startServer();
  try {
    const { meeting, facilitator } = await meetingWithFacilitator(srv, 'Begeleidingsgroep 31 maart');
    const people = await joinMany(srv, meeting.code, 40);
    const poll = await openScalePoll(facilitator);
    for (const [i, p] of people.entries()) {
      await ok(p.socket, 'response:submit', {
        id: newId(),
        activityId: poll.id,
        value: { level: i % 4 },
        note: SEED.slice(i * 300, i * 300 + 280).replace(/\s+/g, ' '),
      });
      await ok(p.socket, 'chat:send', {
        id: newId(),
        channel: 'meeting',
        text: `Tip ${i}: zie https://example.org/${i}`,
      });
    }
    await ok(facilitator, 'activity:reveal', { id: poll.id });
    const snap = await ok(facilitator, 'session:sync');
    const sec = yClient(srv.url, meeting.code, meeting.secretaryToken, {
      presence: { name: 'S', color: '#000' },
    });
    await sec.synced();
    const paragraphs = SEED.split(/\n\s*\n/)
      .map((t) => t.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    appendBlocks(
      sec.doc,
      blocksToDoc([
        ...paragraphs.map((text) => ({ type: 'paragraph' as const, content: [{ text }] })),
        ...harvest(snap.activities[0]!, snap.results[0]!, 'nl'),
      ]),
    );
    const room = () => srv.app.ctx.collab.loaded(meeting.id);
    await eventually(async () => {
      await room()?.flush();
      return (await srv.app.ctx.store.reports.count(meeting.id)) > 0;
    });
    await new Promise((r) => setTimeout(r, 500));
    const time = async (format: string) => {
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const res = await fetch(`${srv.url}/api/meetings/${meeting.id}/export?format=${format}`, {
          headers: { authorization: `Bearer ${meeting.secretaryToken}` },
        });
        bytes = (await res.arrayBuffer()).byteLength;
        if (res.status !== 200) throw new Error(`${format}: ${res.status}`);
        ms.push(performance.now() - t0);
      }
      return { ms, bytes };
    };
    const rows: BenchRow[] = [];
    for (const format of ['docx', 'pdf', 'md', 'html', 'csv']) {
      const r = await time(format);
      rows.push({
        bench: 'export',
        metric: `${format.toUpperCase()} of a 40-person verslag (median / max of ${runs}; size)`,
        value: `${round(pct(r.ms, 50))} / ${round(pct(r.ms, 100))} ms; ${round(r.bytes / 1024)} KB`,
      });
    }
    sec.destroy();
    return rows;
  } finally {
    await srv.close();
  }
}
