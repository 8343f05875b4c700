import { type Editor, Extension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { REPORT_FIELD } from '../../../shared/report/ydoc';
import { CONTENT_LANG, useT } from '../../i18n';
import type { ReportConnection } from './connection';
import { trackCursor } from './harvestPlace';
import { reportExtensions } from './schema';
import { Toolbar } from './Toolbar';
import './prosemirror.css';

/** Caret colours: each with white text at ≥ 4.5:1. */
export const CARET_COLORS = [
  '#1f5f3f',
  '#1a4fd6',
  '#a8261b',
  '#6b3fa0',
  '#8a4b00',
  '#0b6e75',
  '#a01d63',
  '#3d4a42',
];

export interface EditorUser {
  name: string;
  color: string;
}

/** The caret of another editor, built with CSSOM (the CSP forbids inline `style` attributes). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  caret.style.borderColor = String(user.color ?? '#3d4a42');
  const label = document.createElement('span');
  label.className = 'collab-caret__label';
  label.style.backgroundColor = String(user.color ?? '#3d4a42');
  label.textContent = String(user.name ?? '');
  caret.append(label);
  return caret;
}

/**
 * [REPORT1][REPORT7] The verslag editor: TipTap on the shared Y.Doc (Collaboration), the other
 * editors' cursors with their names (CollaborationCaret), a toolbar, keyboard shortcuts.
 * Created only once the server's document has arrived, so an empty editor never writes into it.
 */
export function ReportEditor({
  conn,
  user,
  onEditor,
}: {
  conn: ReportConnection;
  user: EditorUser;
  onEditor: (e: Editor | null) => void;
}) {
  const t = useT();
  const [linkRequest, setLinkRequest] = useState(0);
  const editor = useEditor(
    {
      // [ABUSE6] No <style> element: the CSP refuses inline styles. Its rules are in prosemirror.css.
      injectCSS: false,
      extensions: [
        ...reportExtensions(),
        Collaboration.configure({ document: conn.doc, field: REPORT_FIELD }),
        CollaborationCaret.configure({
          provider: conn.provider,
          user,
          render: renderCaret,
          selectionRender: () => ({ class: 'collab-selection', nodeName: 'span' }),
        }),
        Extension.create({
          name: 'oogstLinkShortcut',
          addKeyboardShortcuts: () => ({
            'Mod-k': () => {
              setLinkRequest((n) => n + 1);
              return true;
            },
          }),
        }),
      ],
      editorProps: {
        attributes: {
          class: 'report-editor__content',
          'aria-label': t('report.editorLabel'),
          'aria-multiline': 'true',
          role: 'textbox',
          'aria-describedby': 'report-shortcuts',
          spellcheck: 'true',
          lang: CONTENT_LANG,
        },
      },
    },
    [conn.doc, conn.provider],
  );
  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);
  useEffect(() => (editor ? trackCursor(editor) : undefined), [editor]);
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser(user);
  }, [editor, user]);
  const others = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      (e?.storage.collaborationCaret?.users ?? [])
        .filter((u) => u.clientId !== conn.doc.clientID && typeof u.name === 'string')
        .map((u) => u.name as string)
        .join(', '),
  });
  if (!editor) return null;
  return (
    <div className="report-editor">
      <Toolbar editor={editor} linkRequest={linkRequest} />
      <p id="report-shortcuts" className="hint">
        {t('report.shortcuts')}
      </p>
      {others ? <p className="report-others">{t('report.others', { names: others })}</p> : null}
      <EditorContent editor={editor} />
    </div>
  );
}
