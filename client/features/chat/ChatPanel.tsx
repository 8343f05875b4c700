import { type FormEvent, type KeyboardEvent, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChatMessageView } from '../../../shared/domain/chat';
import { newId } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import { can } from '../../../shared/domain/roles';
import { useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { pinnedOf, tipsOf } from '../../store/chatSlice';
import { FieldError } from '../common/FieldError';
import { authorLabel, ChatMessage } from './ChatMessage';
import { LinkedText } from './LinkedText';

type View = 'all' | 'tips' | 'links';
const TOP = 10;

/**
 * [CHAT1–CHAT7] The chat of a channel: the live log with older pages on request, pinned messages
 * first, a composer, and two other views: the tips by votes (top 10 first) and the shared links.
 */
export default function ChatPanel({
  channel = 'meeting',
  headingLevel = 2,
  heading,
  hint,
  logLabel,
  messageLabel,
  className = 'card',
  closed,
}: {
  channel?: string;
  headingLevel?: 2 | 3 | 4;
  /** Names the channel when there is more than one chat on screen (a break-out room's). */
  heading?: string;
  hint?: string;
  logLabel?: string;
  messageLabel?: string;
  className?: string;
  /** [CHAT9] The channel is read-only now (a room after its break-outs): this note replaces the composer. */
  closed?: string;
}) {
  const t = useT();
  const id = useId();
  const chat = useAppStore((s) => s.chat);
  const role = useAppStore((s) => s.role);
  const [view, setView] = useState<View>('all');
  const H = `h${headingLevel}` as 'h2';
  const tips = useMemo(() => tipsOf(chat, channel), [chat, channel]);
  const links = useMemo(() => {
    const byUrl = new Map<string, { url: string; count: number; first: string }>();
    for (const l of chat.links.filter((x) => x.channel === channel)) {
      const e = byUrl.get(l.url);
      if (e) e.count += 1;
      else byUrl.set(l.url, { url: l.url, count: 1, first: l.authorName });
    }
    return [...byUrl.values()];
  }, [chat.links, channel]);
  if (!chat.enabled) return null;

  return (
    <section className={`${className} chat`} aria-labelledby={`${id}-h`} data-channel={channel}>
      <H id={`${id}-h`}>{heading ?? t('chat.heading')}</H>
      {hint ? <p className="hint">{hint}</p> : null}
      <div className="row chat__views" role="group" aria-label={t('chat.views')}>
        {(['all', 'tips', 'links'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className="btn btn--small"
            aria-pressed={view === v}
            onClick={() => setView(v)}
          >
            {v === 'all'
              ? t('chat.viewAll')
              : v === 'tips'
                ? t('chat.viewTips', { n: tips.length })
                : t('chat.viewLinks', { n: links.length })}
          </button>
        ))}
      </div>
      {view === 'all' ? (
        <ChatLog channel={channel} label={logLabel ?? t('chat.logLabel')} closed={closed !== undefined} />
      ) : null}
      {view === 'tips' ? (
        tips.length === 0 ? (
          <p className="muted">{t('chat.noTips')}</p>
        ) : (
          <>
            <p className="hint">{t('chat.tipsHint')}</p>
            <ol className="tip-list">
              {tips.map((m, i) => (
                <li key={m.id} className={i === TOP ? 'tip-list__more' : undefined}>
                  <span className="tip-list__votes">{t('chat.voteCount', { n: m.votes })}</span>{' '}
                  <LinkedText text={m.text} />
                  <span className="muted"> — {authorLabel(m, t)}</span>
                </li>
              ))}
            </ol>
          </>
        )
      ) : null}
      {view === 'links' ? (
        links.length === 0 ? (
          <p className="muted">{t('chat.noLinks')}</p>
        ) : (
          <ul className="link-list">
            {links.map((l) => (
              <li key={l.url}>
                <a href={l.url} target="_blank" rel="noopener noreferrer nofollow ugc">
                  {l.url}
                </a>
                <span className="muted">
                  {' '}
                  —{' '}
                  {l.count > 1
                    ? t('chat.sharedTimes', { n: l.count })
                    : t('chat.sharedBy', { name: l.first || t('role.facilitator') })}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {closed !== undefined ? (
        <p className="notice notice--info chat__closed">{closed}</p>
      ) : can(role ?? undefined, 'chat:send') ? (
        <Composer channel={channel} label={messageLabel ?? t('chat.messageLabel')} />
      ) : null}
    </section>
  );
}

function ChatLog({ channel, label, closed }: { channel: string; label: string; closed: boolean }) {
  const t = useT();
  const chat = useAppStore((s) => s.chat);
  const ids = chat.order[channel] ?? [];
  const messages = ids.map((i) => chat.messages[i]).filter((m): m is ChatMessageView => !!m);
  const pinned = pinnedOf(chat, channel);
  const log = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');

  // Stay at the newest message while the reader is there; never yank someone reading older ones.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when the number of messages changes
  useLayoutEffect(() => {
    const el = log.current;
    if (el && nearBottom.current) el.scrollTop = el.scrollHeight;
  }, [messages.length]);

  const older = async () => {
    const conn = useAppStore.getState().connection;
    const first = messages[0];
    if (!conn || !first) return;
    setLoading(true);
    const el = log.current;
    const before = el ? el.scrollHeight - el.scrollTop : 0;
    const r = await conn
      .request('chat:history', { channel: channel as 'meeting', beforeSeq: first.seq })
      .catch(() => null);
    setLoading(false);
    if (!r?.ok) return setError(t('common.networkError'));
    nearBottom.current = false;
    useAppStore.getState().chatOlder(r.data);
    requestAnimationFrame(() => {
      if (el) el.scrollTop = el.scrollHeight - before;
    });
  };

  return (
    <>
      {pinned.length > 0 ? (
        <section className="chat__pinned" aria-label={t('chat.pinnedHeading')}>
          <p className="chat__pinned-title">{t('chat.pinnedHeading')}</p>
          <ul>
            {pinned.map((m) => (
              <li key={m.id}>
                <LinkedText text={m.text} /> <span className="muted">— {authorLabel(m, t)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {chat.hasMore[channel] ? (
        <button type="button" className="btn btn--small" onClick={older} disabled={loading}>
          {loading ? t('common.loading') : t('chat.older')}
        </button>
      ) : null}
      <FieldError message={error} />
      {messages.length === 0 ? <p className="muted">{t('chat.empty')}</p> : null}
      <div
        className="chat__log"
        ref={log}
        role="log"
        aria-label={label}
        onScroll={(e) => {
          const el = e.currentTarget;
          nearBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        }}
      >
        <ol className="chat__list">
          {messages.map((m) => (
            <ChatMessage key={m.id} m={m} closed={closed} />
          ))}
        </ol>
      </div>
    </>
  );
}

/** Enter sends, Shift+Enter is a new line; while offline a message waits and is sent once back. */
function Composer({ channel, label }: { channel: string; label: string }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [pending, setPending] = useState<{ id: string; text: string }[]>([]);
  const [error, setError] = useState('');
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const clean = text.trim();
    if (!clean) return;
    const msg = { id: newId(), text: clean };
    setText('');
    setError('');
    setPending((p) => [...p, msg]);
    const r = await send('chat:send', { id: msg.id, channel: channel as 'meeting', text: clean });
    setPending((p) => p.filter((x) => x.id !== msg.id));
    if (r.ok) useAppStore.getState().chatMessage(r.data);
    else {
      setText((now) => now || clean);
      setError(r.error === 'rate_limited' ? t('chat.tooFast') : `${t('common.notSaved')} (${r.message})`);
    }
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  };
  return (
    <form className="chat__composer" onSubmit={submit} noValidate>
      {pending.length > 0 ? (
        <ul className="chat__pending" aria-live="polite">
          {pending.map((p) => (
            <li key={p.id}>
              {p.text} <span className="muted">— {t('chat.sending')}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor={`${id}-t`}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('chat.enterHint')}
      </p>
      <div className="row">
        <textarea
          id={`${id}-t`}
          rows={2}
          value={text}
          maxLength={LIMITS.chatMessage}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
        />
        <button type="submit" className="btn btn--primary">
          {t('chat.send')}
        </button>
      </div>
      <FieldError message={error} />
    </form>
  );
}
