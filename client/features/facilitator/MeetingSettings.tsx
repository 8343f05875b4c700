import { type FormEvent, useId, useState } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import { api } from '../../api';
import { forgetMeeting } from '../../credentials';
import { useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';

/** Title and date of the meeting, and deleting it with everything in it. */
export function MeetingSettings({ token }: { token: string }) {
  const t = useT();
  const id = useId();
  const meeting = useAppStore((s) => s.meeting);
  const [title, setTitle] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [confirm, setConfirm] = useState(false);
  if (!meeting) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await send('meeting:update', {
      title: (title ?? meeting.title).trim(),
      date: (date ?? meeting.date) || null,
    });
    setStatus(r.ok ? t('common.saved') : `${t('common.notSaved')} (${r.message})`);
  };

  const remove = async () => {
    const r = await api.deleteMeeting(meeting.id, token);
    if (r.ok) {
      forgetMeeting(meeting.code);
      window.location.assign('/');
    } else setStatus(`${t('common.notSaved')} (${r.message})`);
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('settings.heading')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-t`}>{t('start.titleLabel')}</label>
          <input
            id={`${id}-t`}
            value={title ?? meeting.title}
            maxLength={LIMITS.meetingTitle}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-d`}>{t('start.dateLabel')}</label>
          <input
            id={`${id}-d`}
            type="date"
            value={date ?? meeting.date ?? ''}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <button type="submit" className="btn">
          {t('common.save')}
        </button>
        <p role="status" className="saved-status">
          {status}
        </p>
      </form>
      <div className="danger-zone">
        <h3>{t('settings.deleteHeading')}</h3>
        <p className="hint">{t('settings.deleteHint')}</p>
        {confirm ? (
          <div className="row" role="group" aria-label={t('settings.deleteConfirm')}>
            <span>{t('settings.deleteConfirm')}</span>
            <button type="button" className="btn btn--danger" onClick={remove}>
              {t('settings.deleteYes')}
            </button>
            <button type="button" className="btn btn--quiet" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="btn btn--danger-outline" onClick={() => setConfirm(true)}>
            {t('settings.deleteButton')}
          </button>
        )}
      </div>
    </section>
  );
}
