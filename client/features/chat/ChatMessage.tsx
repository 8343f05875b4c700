import { useState } from 'react';
import type { ChatMessageView } from '../../../shared/domain/chat';
import { can } from '../../../shared/domain/roles';
import { isolate } from '../../../shared/report/bidi';
import { CONTENT_LANG, useLang, useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { FieldError } from '../common/FieldError';
import { LinkedText } from './LinkedText';

export const authorLabel = (m: ChatMessageView, t: ReturnType<typeof useT>) =>
  m.authorRole === 'participant'
    ? m.authorName
    : m.authorRole === 'facilitator'
      ? t('role.facilitator')
      : t('role.secretary');

/**
 * [CHAT2–CHAT4] One message: author, time, text with links, and what this role may do with it —
 * upvote (participants, not their own), mark as tip (everyone), pin and hide (staff). Every state
 * is in words ("Tip", "Vastgezet", "Verborgen"), not colour alone. [CHAT9] In a closed room's chat
 * only staff act (curating it for the verslag).
 */
export function ChatMessage({ m, closed = false }: { m: ChatMessageView; closed?: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const role = useAppStore((s) => s.role);
  const meId = useAppStore((s) => s.me?.id);
  const voted = useAppStore((s) => !!s.chat.myVotes[m.id]);
  const [error, setError] = useState('');
  const mine = m.authorId !== null && m.authorId === meId;
  const who = authorLabel(m, t);
  const about = <span className="visually-hidden"> ({t('chat.messageOf', { name: isolate(who) })})</span>;
  const time = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  }).format(m.createdAt);
  const act = async (p: Promise<{ ok: boolean; error?: string; message?: string }>) => {
    const r = await p;
    setError(
      r.ok
        ? ''
        : r.error === 'forbidden'
          ? t('chat.notYourTip')
          : `${t('common.notSaved')} (${r.message ?? ''})`,
    );
  };
  const vote = async () => {
    const r = await send('chat:vote', { messageId: m.id, up: !voted });
    if (r.ok) {
      useAppStore.getState().chatUpdated(r.data);
      useAppStore.getState().chatMyVote(m.id, !voted);
    }
    setError(r.ok ? '' : `${t('common.notSaved')} (${r.message})`);
  };
  const staff = can(role ?? undefined, 'chat:curate');
  return (
    <li
      className={`msg${mine ? ' msg--mine' : ''}${m.hidden ? ' msg--hidden' : ''}${m.tip ? ' msg--tip' : ''}${m.pinned ? ' msg--pinned' : ''}`}
    >
      <p className="msg__meta">
        <span className="msg__author">
          <bdi>{who}</bdi>
          {mine ? ` (${t('chat.you')})` : ''}
        </span>{' '}
        <time dateTime={new Date(m.createdAt).toISOString()}>{time}</time>
        {m.tip ? <span className="badge badge--tip">{t('chat.tipBadge')}</span> : null}
        {m.pinned ? <span className="badge">{t('chat.pinnedBadge')}</span> : null}
        {m.hidden ? <span className="badge badge--hidden">{t('chat.hiddenBadge')}</span> : null}
      </p>
      <p className="msg__text" dir="auto" lang={CONTENT_LANG}>
        <LinkedText text={m.text} />
      </p>
      <div className="msg__actions">
        {can(role ?? undefined, 'chat:vote') && !mine && !closed ? (
          <button
            type="button"
            className="btn btn--small"
            aria-pressed={voted}
            onClick={vote}
            disabled={m.hidden}
          >
            <span aria-hidden="true">▲</span> {t('chat.voteCount', { n: m.votes })}
            <span className="visually-hidden"> — {voted ? t('chat.unvote') : t('chat.vote')}</span>
            {about}
          </button>
        ) : m.votes > 0 ? (
          <span className="msg__votes">{t('chat.voteCount', { n: m.votes })}</span>
        ) : null}
        {can(role ?? undefined, 'chat:tip') && (staff || !closed) ? (
          <button
            type="button"
            className="btn btn--small"
            aria-pressed={m.tip}
            disabled={m.hidden || (!staff && m.tip && m.tipByStaff)}
            onClick={() => act(send('chat:tip', { messageId: m.id, on: !m.tip }))}
          >
            {m.tip ? t('chat.untip') : t('chat.tip')}
            {about}
          </button>
        ) : null}
        {staff ? (
          <>
            <button
              type="button"
              className="btn btn--small"
              aria-pressed={m.pinned}
              onClick={() => act(send('chat:pin', { messageId: m.id, on: !m.pinned }))}
            >
              {m.pinned ? t('chat.unpin') : t('chat.pin')}
              {about}
            </button>
            <button
              type="button"
              className="btn btn--small btn--quiet"
              aria-pressed={m.hidden}
              onClick={() => act(send('chat:hide', { messageId: m.id, on: !m.hidden }))}
            >
              {m.hidden ? t('chat.unhide') : t('chat.hide')}
              {about}
            </button>
          </>
        ) : null}
      </div>
      <FieldError message={error} />
    </li>
  );
}
