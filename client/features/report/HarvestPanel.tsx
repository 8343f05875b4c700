import type { Editor } from '@tiptap/core';
import { useId, useState } from 'react';
import type { Results } from '../../../shared/domain/activities';
import type { BreakoutView } from '../../../shared/domain/board/types';
import { chatDigest } from '../../../shared/domain/chat';
import type { ActivityView } from '../../../shared/domain/types';
import { harvestChat, harvestRoomChat } from '../../../shared/report/chat';
import { blocksToProseMirror } from '../../../shared/report/prosemirror';
import { activityTitle, harvest } from '../../../shared/report/registry';
import { type Say, useLang, useSaid, useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { sortedActivities } from '../../store/activitySlice';
import { hasCursor, insertUnderItem } from './harvestPlace';

/**
 * [REPORT5][REPORT6] One click puts an activity's results into the verslag at the cursor, as
 * ordinary editable text (the harvest registry decides what that text is per kind). Clicking
 * twice inserts twice: nothing is replaced. Results participants have not seen yet ask first,
 * because participants read the verslag live.
 */
export function HarvestPanel({ editor }: { editor: Editor | null }) {
  const t = useT();
  const { lang } = useLang();
  const agenda = useAppStore((s) => s.agenda);
  const results = useAppStore((s) => s.results);
  const activities = sortedActivities(useAppStore((s) => s.activities)).filter(
    (a) => a.status !== 'draft' && results[a.id],
  );
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useSaid();
  const breakouts = useAppStore((s) => s.breakouts);
  const withRooms = sortedActivities(useAppStore((s) => s.activities)).flatMap((a) => {
    const bo = breakouts[a.id];
    return bo && bo.rooms.length > 0 ? [{ activity: a, bo }] : [];
  });

  const insert = (a: ActivityView) => {
    const r = results[a.id];
    if (!editor || !r) return;
    const item = agenda.find((i) => i.id === a.agendaItemId);
    insertAtCursor(editor, blocksToProseMirror(harvest(a, r, lang)), item?.title ?? null);
    setConfirming(null);
    const title = activityTitle(a);
    setDone((tr) => tr('report.harvested', { title }));
  };

  /** [REPORT13] The chat as seed 004 published it: top 10 tips, the rest, the shared links. */
  const insertChat = async () => {
    if (!editor) return;
    const r = await send('chat:all', { channel: 'meeting' });
    if (!r.ok) return setDone((tr) => `${tr('common.notSaved')} (${r.message})`);
    const blocks = harvestChat(chatDigest(r.data), lang);
    if (blocks.length === 0) return setDone((tr) => tr('report.harvestChatEmpty'));
    insertAtCursor(editor, blocksToProseMirror(blocks), null);
    setDone((tr) => tr('report.harvested', { title: tr('report.harvestChat') }));
  };

  return (
    <section className="card" aria-labelledby="harvest-h">
      <h2 id="harvest-h">{t('report.harvestHeading')}</h2>
      <p className="hint">{t('report.harvestHint')}</p>
      <ul className="plain-list harvest-list">
        {activities.map((a) => {
          const item = agenda.find((i) => i.id === a.agendaItemId);
          const title = activityTitle(a);
          return (
            <li key={a.id} className="harvest-item">
              {item ? <p className="muted harvest-item__item">{item.title}</p> : null}
              <p className="harvest-item__title">{title}</p>
              {confirming === a.id ? (
                <div className="notice notice--info" role="alert">
                  <p>{t('report.harvestHidden')}</p>
                  <div className="row">
                    <button type="button" className="btn btn--primary" onClick={() => insert(a)}>
                      {t('report.harvestAnyway')}
                    </button>
                    <button type="button" className="btn btn--quiet" onClick={() => setConfirming(null)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <button
                  type="button"
                  className="btn"
                  disabled={!editor}
                  onMouseDown={(e) => e.preventDefault() /* keep the cursor where it is */}
                  onClick={() => (shownToAll(a, results[a.id]) ? insert(a) : setConfirming(a.id))}
                >
                  {t('report.harvestButtonShort')}
                  <span className="visually-hidden">: {title}</span>
                </button>
              )}
            </li>
          );
        })}
        <li className="harvest-item">
          <p className="harvest-item__title">{t('report.harvestChat')}</p>
          <button
            type="button"
            className="btn"
            disabled={!editor}
            onMouseDown={(e) => e.preventDefault() /* keep the cursor where it is */}
            onClick={insertChat}
          >
            {t('report.harvestButtonShort')}
            <span className="visually-hidden">: {t('report.harvestChat')}</span>
          </button>
        </li>
        {withRooms.map(({ activity, bo }) => (
          <RoomChatsHarvest key={activity.id} activity={activity} bo={bo} editor={editor} onDone={setDone} />
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {done}
      </p>
    </section>
  );
}

/**
 * [REPORT6] A harvest goes in at the cursor; when the cursor is inside a list or a quote (the end
 * of an earlier harvest's bullets, say), right after that list or quote: headings and lists never
 * end up nested in a bullet. Before the secretary has put the cursor anywhere: under the heading
 * of the activity's agenda item (`itemTitle`), else at the end.
 */
function insertAtCursor(
  editor: Editor,
  content: ReturnType<typeof blocksToProseMirror>,
  itemTitle: string | null,
) {
  if (!hasCursor(editor)) return insertUnderItem(editor, content, itemTitle);
  const { $from } = editor.state.selection;
  if ($from.depth > 1) editor.chain().focus().insertContentAt($from.after(1), content).run();
  else editor.chain().focus().insertContent(content).run();
}

/**
 * [REPORT6] Whether everything the harvest writes has been shown to participants already, so it
 * goes in without asking. Revealed results, and a break-out (nothing to reveal) whose harvest is
 * its plenary synthesis — which everyone sees (BOARD13) — with no vote counts still hidden.
 */
function shownToAll(a: ActivityView, r: Results | undefined): boolean {
  if (a.revealed) return true;
  if (r?.kind !== 'breakout') return false;
  return r.questions.every(
    (q) =>
      q.synthesis !== null &&
      (q.synthesis.votesRevealed ||
        [...q.synthesis.unthemed, ...q.synthesis.themes.flatMap((x) => x.notes)].every((n) => n.votes === 0)),
  );
}

/**
 * [REPORT14] The chats of a break-out's rooms into the verslag: one room, or all rooms one after
 * the other, each under a heading naming the room ("Uit de chat van Kamer 2"), in the shape of
 * the meeting chat's harvest. Rooms without messages are left out.
 */
function RoomChatsHarvest(props: {
  activity: ActivityView;
  bo: BreakoutView;
  editor: Editor | null;
  onDone(message: Say): void;
}) {
  const t = useT();
  const item = useAppStore((s) => s.agenda.find((i) => i.id === props.activity.agendaItemId));
  const { lang } = useLang();
  const id = useId();
  const [which, setWhich] = useState('');
  const rooms = [...props.bo.rooms].sort((a, b) => a.index - b.index);
  const chosen = which ? rooms.filter((r) => r.id === which) : rooms;
  const what = which ? t('rooms.chatHeading', { room: chosen[0]?.label ?? '' }) : t('rooms.harvestTitle');
  const insert = async () => {
    if (!props.editor) return;
    const blocks = [];
    for (const room of chosen) {
      const r = await send('chat:all', { channel: `room:${room.id}` as 'meeting' });
      if (!r.ok) return props.onDone((tr) => `${tr('common.notSaved')} (${r.message})`);
      blocks.push(...harvestRoomChat(chatDigest(r.data), lang, room.label));
    }
    if (blocks.length === 0) return props.onDone((tr) => tr('rooms.harvestEmpty'));
    insertAtCursor(props.editor, blocksToProseMirror(blocks), item?.title ?? null);
    const room = which ? (chosen[0]?.label ?? '') : null;
    props.onDone((tr) =>
      tr('rooms.harvested', { what: room ? tr('rooms.chatHeading', { room }) : tr('rooms.harvestTitle') }),
    );
  };
  return (
    <li className="harvest-item">
      {item ? <p className="muted harvest-item__item">{item.title}</p> : null}
      <p className="harvest-item__title">{t('rooms.harvestTitle')}</p>
      <div className="row harvest-item__rooms">
        <label htmlFor={`${id}-r`}>{t('rooms.harvestWhich')}</label>
        <select id={`${id}-r`} value={which} onChange={(e) => setWhich(e.target.value)}>
          <option value="">{t('rooms.harvestAll')}</option>
          {rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn"
          disabled={!props.editor}
          onMouseDown={(e) => e.preventDefault() /* keep the cursor where it is */}
          onClick={insert}
        >
          {t('report.harvestButtonShort')}
          <span className="visually-hidden">: {what}</span>
        </button>
      </div>
    </li>
  );
}
