import { isStaff } from '../../shared/domain/roles';
import { MEETING_SCOPE, parseScope, type Scope } from '../../shared/domain/scopes';
import type { Session } from '../meetings/meetings';
import { rooms } from './rooms';

/**
 * One kind of scope (the meeting; a break-out room once rooms exist). Timers and chat channels are
 * kept per scope; this decides who belongs to one and which Socket.IO rooms reach its members.
 */
export interface ScopeKind {
  /** Whether this scope exists in the meeting (staff see every scope that exists). */
  exists(meetingId: string, id: string | null): Promise<boolean>;
  /** Whether a participant or observer belongs to it. Only asked when it exists. */
  member(session: Session, id: string | null): Promise<boolean>;
  /** The rooms of its non-staff members (staff get everything through their own room). */
  audience(meetingId: string, id: string | null, opts: { observers: boolean }): string[];
  /** The scopes of this kind a session belongs to (ids; `null` for the meeting itself). */
  scopesOf(session: Session): Promise<(string | null)[]>;
  /** [CHAT9] Whether people may still write in it (a room closes when its break-outs end). Default: yes. */
  open?(meetingId: string, id: string | null): Promise<boolean>;
}

/**
 * [SCOPE1] The registry of scope kinds. `meeting` is built in; the break-out rooms register a
 * `room` kind (`ctx.scopes.register('room', …)`) with their own membership rules, and timers and
 * chat channels per room then work without further change.
 */
export class Scopes {
  private readonly kinds = new Map<string, ScopeKind>();

  constructor() {
    this.register('meeting', {
      exists: async () => true,
      member: async () => true,
      audience: (meetingId, _id, { observers }) =>
        observers
          ? [rooms.participants(meetingId), rooms.observers(meetingId)]
          : [rooms.participants(meetingId)],
      scopesOf: async () => [null],
    });
  }

  register(kind: string, impl: ScopeKind): void {
    this.kinds.set(kind, impl);
  }

  private kindOf(scope: Scope) {
    const { kind, id } = parseScope(scope);
    return { impl: this.kinds.get(kind), kind, id };
  }

  /** Whether the session may see this scope: staff when it exists, others when they belong to it. */
  async canSee(session: Session, scope: Scope): Promise<boolean> {
    const { impl, id } = this.kindOf(scope);
    if (!impl || !(await impl.exists(session.meetingId, id))) return false;
    return isStaff(session.role) || impl.member(session, id);
  }

  /** [CHAT9] Whether the scope is open for writing (its chat), or read-only now. */
  async isOpen(meetingId: string, scope: Scope): Promise<boolean> {
    const { impl, id } = this.kindOf(scope);
    return impl?.open ? impl.open(meetingId, id) : true;
  }

  /** The rooms to broadcast to for this scope, staff included. */
  audience(meetingId: string, scope: Scope, opts: { observers: boolean }): string[] {
    const { impl, id } = this.kindOf(scope);
    return [rooms.staff(meetingId), ...(impl ? impl.audience(meetingId, id, opts) : [])];
  }

  /** The non-staff part of the audience (for what staff see differently, such as hidden messages). */
  members(meetingId: string, scope: Scope, opts: { observers: boolean }): string[] {
    const { impl, id } = this.kindOf(scope);
    return impl ? impl.audience(meetingId, id, opts) : [];
  }

  /** Every scope the session belongs to (staff: every scope of every kind). */
  async of(session: Session): Promise<Scope[]> {
    const out: Scope[] = [];
    for (const [kind, impl] of this.kinds) {
      for (const id of await impl.scopesOf(session)) {
        out.push(id === null ? MEETING_SCOPE : (`${kind}:${id}` as Scope));
      }
    }
    return out;
  }
}
