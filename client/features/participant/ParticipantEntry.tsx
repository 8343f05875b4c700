import { useState } from 'react';
import { participantCredentials } from '../../credentials';
import { JoinForm } from './JoinForm';
import { ParticipantView } from './ParticipantView';

/** /m/CODE: the participant view when this browser has joined before, else the join form. */
export function ParticipantEntry({ code }: { code: string }) {
  const [creds, setCreds] = useState(() => participantCredentials(code));
  if (!creds) return <JoinForm code={code} onJoined={() => setCreds(participantCredentials(code))} />;
  return <ParticipantView code={code} token={creds.token} onForgotten={() => setCreds(null)} />;
}
