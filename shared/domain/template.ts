import type { TemplateContent } from '../protocol/schemas/template';
import type { ActivityView, AgendaItem } from './types';

/** A template as its holder sees it. */
export interface TemplateView {
  id: string;
  title: string;
  createdAt: number;
  agendaItems: number;
  activities: number;
}

/**
 * [TPL2] A meeting's preparation as a template: agenda items (title, text) and activities (spec,
 * anonymity, place on the agenda). Nothing about answers, results, people, state or reveal.
 */
export function buildTemplate(
  agenda: readonly AgendaItem[],
  activities: readonly ActivityView[],
): TemplateContent {
  const refOf = new Map(agenda.map((item, i) => [item.id, `a${i + 1}`] as const));
  return {
    version: 1,
    agenda: agenda.map((item) => ({ ref: refOf.get(item.id)!, title: item.title, body: item.body })),
    activities: [...activities]
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .map((a) => ({
        agendaRef: a.agendaItemId ? (refOf.get(a.agendaItemId) ?? null) : null,
        anonymous: a.anonymous,
        spec: a.spec,
      })),
  };
}

/**
 * [TPL3] The agenda and activities of a new meeting made from a template, with fresh ids. An
 * activity whose agenda item is not in the template becomes a loose activity.
 */
export function instantiateTemplate(content: TemplateContent, newId: () => string) {
  const idOf = new Map(content.agenda.map((item) => [item.ref, newId()] as const));
  return {
    agenda: content.agenda.map((item) => ({ id: idOf.get(item.ref)!, title: item.title, body: item.body })),
    activities: content.activities.map((a) => ({
      id: newId(),
      agendaItemId: a.agendaRef ? (idOf.get(a.agendaRef) ?? null) : null,
      anonymous: a.anonymous,
      spec: a.spec,
    })),
  };
}
