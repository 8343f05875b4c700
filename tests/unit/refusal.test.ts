import { describe, expect, it } from 'vitest';
import { en } from '../../client/i18n/en';
import { nl } from '../../client/i18n/nl';
import { ERROR_CODES, ERROR_SENTENCES } from '../../shared/protocol/ack';
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
});
