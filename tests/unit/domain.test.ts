import { describe, expect, it } from 'vitest';
import { checkScaleValue, DEFAULT_SCALE_LEVELS, tallyScale } from '../../shared/domain/activities';
import { CODE_ALPHABET, formatCode, newId, normaliseCode } from '../../shared/domain/ids';
import { can, ROLES } from '../../shared/domain/roles';
import { ActivityCreate, ResponseSubmit } from '../../shared/protocol/schemas/activity';
import { JoinRequest, MeetingCreate } from '../../shared/protocol/schemas/meeting';

const spec = { kind: 'scale' as const, question: 'Hoe tevreden?', levels: [...DEFAULT_SCALE_LEVELS] };

describe('scale poll rules', () => {
  it('[POLL4] a level must exist on the scale', () => {
    expect(checkScaleValue(spec, { level: 3 })).toBeNull();
    expect(checkScaleValue(spec, { level: 4 })).toMatch(/between 0 and 3/);
  });

  it('[POLL6] tally counts per level and groups explanations by level, in answering order', () => {
    const r = tallyScale(
      'a',
      spec,
      [
        { id: '1', participantId: 'p1', value: { level: 3 }, note: 'wijk naar straat', updatedAt: 3 },
        { id: '2', participantId: 'p2', value: { level: 0 }, note: 'bubbels', updatedAt: 2 },
        { id: '3', participantId: 'p3', value: { level: 0 }, note: 'eerder', updatedAt: 1 },
        { id: '4', participantId: 'p4', value: { level: 2 }, note: '  ', updatedAt: 4 },
      ],
      (id) => ({ p1: 'Ann', p2: 'Bert' })[id],
    );
    expect(r.counts).toEqual([2, 0, 1, 1]);
    expect(r.total).toBe(4);
    expect(r.notes).toEqual([
      { level: 0, text: 'eerder' },
      { level: 0, text: 'bubbels', author: 'Bert' },
      { level: 3, text: 'wijk naar straat', author: 'Ann' },
    ]);
  });

  it('[POLL6] without an author lookup (anonymous) no note has an author', () => {
    const r = tallyScale('a', spec, [
      { id: '1', participantId: 'p1', value: { level: 1 }, note: 'x', updatedAt: 1 },
    ]);
    expect(r.notes).toEqual([{ level: 1, text: 'x' }]);
  });
});

describe('roles', () => {
  it('[MEET3][POLL3] only the facilitator manages activities; only participants answer', () => {
    expect(ROLES.filter((r) => can(r, 'activity:manage'))).toEqual(['facilitator']);
    expect(ROLES.filter((r) => can(r, 'activity:respond'))).toEqual(['participant']);
    expect(ROLES.filter((r) => can(r, 'results:readHidden'))).toEqual(['facilitator', 'secretary']);
    expect(can(undefined, 'agenda:edit')).toBe(false);
  });
});

describe('ids and codes', () => {
  it('newId makes RFC 4122 v4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('[MEET1] codes are typed forgivingly and shown in two halves', () => {
    expect(normaliseCode(' abcd-ef23 ')).toBe('ABCDEF23');
    expect(formatCode('ABCDEF23')).toBe('ABCD-EF23');
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });
});

describe('schemas', () => {
  it('[POLL9] refuse unknown fields, wrong types and over-long text; trim text', () => {
    expect(MeetingCreate.safeParse({ title: '  Overleg  ' })).toMatchObject({
      success: true,
      data: { title: 'Overleg' },
    });
    expect(MeetingCreate.safeParse({ title: '   ' }).success).toBe(false);
    expect(MeetingCreate.safeParse({ title: 'a', hack: 1 }).success).toBe(false);
    expect(JoinRequest.safeParse({ code: 'X', name: 'a\u0000b' }).success).toBe(false);
    expect(JoinRequest.safeParse({ code: 'X', name: 'Ann', orgType: 'gemeente' }).success).toBe(true);
    const base = { id: newId(), agendaItemId: null, anonymous: false };
    expect(ActivityCreate.safeParse({ ...base, spec: { ...spec, levels: ['a'] } }).success).toBe(false);
    expect(
      ActivityCreate.safeParse({ ...base, spec: { ...spec, levels: Array(10).fill('x') } }).success,
    ).toBe(true);
    expect(
      ResponseSubmit.safeParse({ id: newId(), activityId: newId(), value: {}, note: 'x'.repeat(1001) })
        .success,
    ).toBe(false);
    expect(
      ResponseSubmit.safeParse({ id: newId(), activityId: newId(), value: {}, note: 'x'.repeat(1000) })
        .success,
    ).toBe(true);
  });
});
