import { describe, expect, it } from 'vitest';
import { en } from '../../client/i18n/en';
import { nl } from '../../client/i18n/nl';
import { UNSTORABLE_ISSUE } from '../../shared/domain/chars';
import { ERROR_CODES, ERROR_SENTENCES, invalidSentence } from '../../shared/protocol/ack';
import { commandsWhere } from '../../shared/protocol/commands';
import { CMD_EVENTS, withCommandId } from '../../shared/protocol/replay';
import { unreadable } from '../helpers/refusal';

describe('[ERR1] refusals people read', () => {
  it('[ERR1] every error code has one short sentence in Dutch and in English, and one on the server', () => {
    for (const code of [...ERROR_CODES, 'network'] as const) {
      for (const dict of [nl, en] as Record<string, unknown>[]) {
        const text = dict[`errors.${code}`];
        expect(typeof text, code).toBe('string');
        expect(
          unreadable({ ok: false, error: code === 'network' ? 'internal' : code, message: text }),
        ).toBeNull();
        expect(text as string).toMatch(/^[A-Z].*\.$/);
      }
    }
    for (const code of ERROR_CODES) {
      expect(unreadable({ ok: false, error: code, message: ERROR_SENTENCES[code] })).toBeNull();
    }
    expect(nl['errors.forbidden']).not.toBe(en['errors.forbidden']);
  });

  it('[ERR1][XSS3] a pasted character that cannot be stored gets its own sentence, not the generic one', () => {
    const issues = [{ path: 'text', message: UNSTORABLE_ISSUE }];
    expect(invalidSentence(issues)).toBe(UNSTORABLE_ISSUE);
    expect(invalidSentence([{ path: 'text', message: 'Too big' }])).toBe(ERROR_SENTENCES.invalid_payload);
    expect(nl['errors.unstorable']).toContain('niet kan worden opgeslagen');
    expect(unreadable({ ok: false, error: 'invalid_payload', message: nl['errors.unstorable'] })).toBeNull();
  });
});

describe('[RECON6] the client gives a command its own id once', () => {
  it('[RECON6] commands whose id names a thing get a fresh cmd; others and a given cmd are left alone', () => {
    const a = withCommandId('note:edit', { id: 'n', text: 'x' }) as { cmd?: string };
    const b = withCommandId('note:edit', { id: 'n', text: 'x' }) as { cmd?: string };
    expect(a.cmd).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.cmd).not.toBe(a.cmd);
    expect(withCommandId('activity:reveal', { id: 'a', cmd: 'c' })).toEqual({ id: 'a', cmd: 'c' });
    expect(withCommandId('response:submit', { id: 'r', activityId: 'a', value: 1 })).not.toHaveProperty(
      'cmd',
    );
    for (const event of CMD_EVENTS) expect(withCommandId(event, {})).toHaveProperty('cmd');
  });

  it("[RECON6] the list the client reads is the command table's replay column, no more, no less", () => {
    expect([...CMD_EVENTS].sort()).toEqual(commandsWhere((c) => c.replay === 'cmd').sort());
  });
});
