import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../shared/protocol/commands';

/**
 * docs/PROTOCOL.md documents every command of the table (shared/protocol/commands.ts) in one of its
 * command tables (those with an "ack data" column), and no command the table lacks.
 */
const doc = fs.readFileSync(new URL('../../docs/PROTOCOL.md', import.meta.url), 'utf8');

/** The events named in the first column of every markdown table whose header has `ack data`. */
function documentedCommands(markdown: string): string[] {
  const events: string[] = [];
  let inCommandTable = false;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      inCommandTable = false;
      continue;
    }
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    if (cells.includes('ack data')) {
      inCommandTable = true;
      continue;
    }
    if (!inCommandTable || /^-+$/.test(cells[1] ?? '')) continue;
    for (const m of (cells[1] ?? '').matchAll(/`([a-z]+:[a-zA-Z]+)`/g)) events.push(m[1]!);
  }
  return events;
}

describe('docs/PROTOCOL.md and the command table', () => {
  it('[MEET9] every command of the table is documented, once, and the document names no other', () => {
    const documented = documentedCommands(doc);
    expect(documented.length).toBeGreaterThan(0);
    expect(
      documented.filter((e, i) => documented.indexOf(e) !== i),
      'documented twice',
    ).toEqual([]);
    expect([...documented].sort()).toEqual([...COMMAND_NAMES].sort());
  });
});
