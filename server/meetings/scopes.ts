import { isStaff } from '../../shared/domain/roles';
import { MEETING_SCOPE, parseScope, type Scope } from '../../shared/domain/scopes';
import type { Session } from './meetings';

/**
 * The rules of one kind of scope (the meeting; a break-out room once rooms exist). Timers and chat
 * channels are kept per scope; this decides which scopes exist and who belongs to one. Who hears a
 * scope's broadcasts is decided on the Socket.IO side, which registers the kinds.
 */
export interface ScopeRules {
  /** Whether this scope exists in the meeting (staff see every scope that exists). */
  exists(meetingId: string, id: string | null): Promise<boolean>;
  /** Whether a participant or observer belongs to it. Only asked when it exists. */
  member(session: Session, id: string | null): Promise<boolean>;
  /** The scopes of this kind a session belongs to (ids; `null` for the meeting itself). */
  scopesOf(session: Session): Promise<(string | null)[]>;
  /** [CHAT9] Whether people may still write in it (a room closes when its break-outs end). Default: yes. */
  open?(meetingId: string, id: string | null): Promise<boolean>;
}

/**
 * [SCOPE1] The registry of scope kinds and their rules. `meeting` is built in; the break-out rooms
 * register a `room` kind with their own membership rules, and timers and chat channels per room
 * then work without further change.
 */
export class ScopeRegistry {
  private readonly kinds = new Map<string, ScopeRules>();

  constructor() {
    this.register('meeting', {
      exists: async () => true,
      member: async () => true,
      scopesOf: async () => [null],
    });
  }

  register(kind: string, rules: ScopeRules): void {
    this.kinds.set(kind, rules);
  }

  private kindOf(scope: Scope) {
    const { kind, id } = parseScope(scope);
    return { rules: this.kinds.get(kind), id };
  }

  /** Whether the session may see this scope: staff when it exists, others when they belong to it. */
  async canSee(session: Session, scope: Scope): Promise<boolean> {
    const { rules, id } = this.kindOf(scope);
    if (!rules || !(await rules.exists(session.meetingId, id))) return false;
    return isStaff(session.role) || rules.member(session, id);
  }

  /** [CHAT9] Whether the scope is open for writing (its chat), or read-only now. */
  async isOpen(meetingId: string, scope: Scope): Promise<boolean> {
    const { rules, id } = this.kindOf(scope);
    return rules?.open ? rules.open(meetingId, id) : true;
  }

  /** Every scope the session belongs to (staff: every scope of every kind). */
  async of(session: Session): Promise<Scope[]> {
    const out: Scope[] = [];
    for (const [kind, rules] of this.kinds) {
      for (const id of await rules.scopesOf(session)) {
        out.push(id === null ? MEETING_SCOPE : (`${kind}:${id}` as Scope));
      }
    }
    return out;
  }
}
