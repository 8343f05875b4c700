import { newId } from '../../shared/domain/ids';
import { buildTemplate, instantiateTemplate, type TemplateView } from '../../shared/domain/template';
import { DomainError } from '../../shared/protocol/ack';
import { TemplateContent } from '../../shared/protocol/schemas/template';
import type { Store } from '../storage/store';
import type { TemplateRecord } from '../storage/toolkit';
import { activityView } from './activities';
import { hashToken, newToken, sameHash } from './tokens';

const view = (t: TemplateRecord, content: TemplateContent): TemplateView => ({
  id: t.id,
  title: t.title,
  createdAt: t.createdAt,
  agendaItems: content.agenda.length,
  activities: content.activities.length,
});

/**
 * [TPL1–TPL4] Templates: a meeting's preparation (agenda and activities) kept to start new meetings
 * from. There are no accounts, so a template is reached with its own secret (like a meeting's staff
 * links); only the holder of ADMIN_TOKEN can list all of a server's templates.
 */
export class TemplateService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * [TPL2] Saves the meeting's agenda and activities (never answers or names) as a new template,
   * read and stored in one transaction (the id checked with it).
   */
  async save(meetingId: string, input: { id: string; title: string }) {
    const token = newToken();
    return this.store.transaction(async (tx) => {
      if (await tx.templates.get(input.id)) {
        throw new DomainError('conflict', 'a template with this id exists: use a new id');
      }
      const agenda = (await tx.agenda.list(meetingId)).map(({ id, title, body }) => ({ id, title, body }));
      const activities = (await tx.activities.list(meetingId)).map(activityView);
      const content = buildTemplate(agenda, activities);
      const record: TemplateRecord = {
        id: input.id,
        title: input.title,
        content,
        tokenHash: hashToken(token),
        createdAt: this.now(),
      };
      await tx.templates.insert(record);
      return { template: view(record, content), token };
    });
  }

  /** The template when `token` is its secret (or `admin` is true), else a clear error. */
  async open(id: string, token: string | undefined, admin: boolean) {
    const t = await this.store.templates.get(id);
    if (!t) throw new DomainError('not_found', 'no such template');
    if (!admin && !(token && sameHash(hashToken(token), t.tokenHash))) {
      throw new DomainError('forbidden', 'this secret does not open this template');
    }
    const parsed = TemplateContent.safeParse(t.content);
    if (!parsed.success) throw new DomainError('conflict', 'this template can no longer be read');
    return { template: view(t, parsed.data), content: parsed.data };
  }

  async list(): Promise<TemplateView[]> {
    const out: TemplateView[] = [];
    for (const t of await this.store.templates.list()) {
      const parsed = TemplateContent.safeParse(t.content);
      if (parsed.success) out.push(view(t, parsed.data));
    }
    return out;
  }

  async remove(id: string, token: string | undefined, admin: boolean): Promise<void> {
    await this.open(id, token, admin);
    await this.store.templates.delete(id);
  }
}

/**
 * [TPL3] Copies a template's agenda and activities (as drafts) into a new meeting, through `db`:
 * the transaction that creates the meeting (`MeetingService.create`).
 */
export async function instantiate(db: Store, meetingId: string, content: TemplateContent, t: number) {
  const made = instantiateTemplate(content, newId);
  for (const item of made.agenda) await db.agenda.insert(meetingId, item);
  for (const [i, a] of made.activities.entries()) {
    await db.activities.insert({
      ...a,
      meetingId,
      status: 'draft',
      revealed: false,
      // Keep the template's order (activities list by creation time).
      createdAt: t + i,
      updatedAt: t + i,
    });
  }
}
