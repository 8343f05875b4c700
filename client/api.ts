import type { TemplateView } from '../shared/domain/template';
import type { MeetingView, ParticipantSelf } from '../shared/domain/types';
import type { AckIssue, ErrorCode } from '../shared/protocol/ack';
import { refusalText } from './refusal';

export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: ErrorCode | 'network'; message: string };

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    return { ok: false, error: 'network', message: refusalText('network') };
  }
  const json = (await res.json().catch(() => null)) as {
    error?: ErrorCode;
    message?: string;
    issues?: AckIssue[];
  } | null;
  if (!res.ok) {
    // [ERR1] People read the app's sentence for the code, never the server's text.
    const error = json?.error ?? 'internal';
    return { ok: false, error, message: refusalText(error, json?.issues) };
  }
  return { ok: true, data: json as T };
}

export interface CreatedMeeting {
  id: string;
  code: string;
  displayCode: string;
  title: string;
  date: string | null;
  facilitatorToken: string;
  secretaryToken: string;
  links: { facilitator: string; secretary: string; participant: string; screen: string };
}

export const api = {
  config: () => request<{ adminRequired: boolean; publicUrl: string | null }>('GET', '/api/config'),
  createMeeting: (
    input: { title: string; date: string | null; template?: { id: string; token?: string } },
    adminToken?: string,
  ) => request<CreatedMeeting>('POST', '/api/meetings', input, adminToken || undefined),
  saveTemplate: (meetingId: string, token: string, input: { id: string; title: string }) =>
    request<{ template: TemplateView; token: string; link: string }>(
      'POST',
      `/api/meetings/${meetingId}/templates`,
      input,
      token,
    ),
  openTemplate: (id: string, token: string) =>
    request<{ template: TemplateView }>('GET', `/api/templates/${encodeURIComponent(id)}`, undefined, token),
  listTemplates: (adminToken: string) =>
    request<{ templates: TemplateView[] }>('GET', '/api/templates', undefined, adminToken),
  deleteTemplate: (id: string, token: string) =>
    request<{ ok: true }>('DELETE', `/api/templates/${encodeURIComponent(id)}`, undefined, token),
  meetingByCode: (code: string) =>
    request<{ id: string; code: string; title: string; date: string | null }>(
      'GET',
      `/api/meetings/code/${encodeURIComponent(code)}`,
    ),
  join: (input: { code: string; name: string; orgType: string | null; token?: string }) =>
    request<{ meeting: MeetingView; participant: ParticipantSelf; token: string }>(
      'POST',
      '/api/join',
      input,
    ),
  deleteMeeting: (id: string, token: string) =>
    request<{ ok: true }>('DELETE', `/api/meetings/${id}`, undefined, token),
};
