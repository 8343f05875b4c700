import { parseScope, type Scope } from '../../shared/domain/scopes';
import type { ScopeRegistry, ScopeRules } from '../meetings/scopes';
import { rooms } from './rooms';

/** The Socket.IO rooms of a scope's non-staff members (staff get everything through their own room). */
export type ScopeAudience = (meetingId: string, id: string | null, opts: { observers: boolean }) => string[];

/**
 * One kind of scope as registered: its rules (`server/meetings/scopes.ts`: who belongs to it) and
 * its audience (which Socket.IO rooms reach its members).
 */
export interface ScopeKind extends ScopeRules {
  audience: ScopeAudience;
}

/**
 * [SCOPE1] Who hears a scope. `meeting` is built in; the break-out rooms register a `room` kind
 * (`ctx.scopes.register('room', …)`): its rules go to the services' registry, its audience stays
 * here, and timers and chat channels per room then work without further change.
 */
export class Scopes {
  private readonly audiences = new Map<string, ScopeAudience>();

  constructor(readonly rules: ScopeRegistry) {
    this.audiences.set('meeting', (meetingId, _id, { observers }) =>
      observers
        ? [rooms.participants(meetingId), rooms.observers(meetingId)]
        : [rooms.participants(meetingId)],
    );
  }

  register(kind: string, impl: ScopeKind): void {
    this.rules.register(kind, impl);
    this.audiences.set(kind, impl.audience);
  }

  /** The rooms to broadcast to for this scope, staff included. */
  audience(meetingId: string, scope: Scope, opts: { observers: boolean }): string[] {
    return [rooms.staff(meetingId), ...this.members(meetingId, scope, opts)];
  }

  /** The non-staff part of the audience (for what staff see differently, such as hidden messages). */
  members(meetingId: string, scope: Scope, opts: { observers: boolean }): string[] {
    const { kind, id } = parseScope(scope);
    return this.audiences.get(kind)?.(meetingId, id, opts) ?? [];
  }
}
