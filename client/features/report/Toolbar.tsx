import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { safeHref } from '../../../shared/report/document';
import { useT } from '../../i18n';
import { FieldError } from '../common/FieldError';

type T = ReturnType<typeof useT>;

interface Tool {
  key: string;
  label: (t: T) => string;
  /** Shown to screen readers as `aria-keyshortcuts`. */
  keys?: string;
  glyph: string;
  active?: (e: Editor) => boolean;
  run: (e: Editor) => void;
}

type Chain = ReturnType<ReturnType<Editor['chain']>['focus']>;

/** A mark or block that one button turns on and off (bold, a list, a quote). */
const toggle = (
  key: string,
  label: Parameters<T>[0],
  keys: string,
  glyph: string,
  name: string,
  run: (c: Chain) => Chain,
): Tool => ({
  key,
  label: (t) => t(label),
  keys,
  glyph,
  active: (e) => e.isActive(name),
  run: (e) => run(e.chain().focus()).run(),
});

const TOOLS: Tool[] = [
  {
    key: 'p',
    label: (t) => t('report.paragraph'),
    keys: 'Control+Alt+0',
    glyph: '¶',
    active: (e) => e.isActive('paragraph') && !e.isActive('bulletList') && !e.isActive('orderedList'),
    run: (e) => e.chain().focus().setParagraph().run(),
  },
  ...([1, 2, 3] as const).map(
    (level): Tool => ({
      key: `h${level}`,
      label: (t) => t(`report.h${level}`),
      keys: `Control+Alt+${level}`,
      glyph: `H${level}`,
      active: (e) => e.isActive('heading', { level }),
      run: (e) => e.chain().focus().toggleHeading({ level }).run(),
    }),
  ),
  toggle('b', 'report.bold', 'Control+B', 'B', 'bold', (c) => c.toggleBold()),
  toggle('i', 'report.italic', 'Control+I', 'I', 'italic', (c) => c.toggleItalic()),
  toggle('ul', 'report.bulletList', 'Control+Shift+8', '•', 'bulletList', (c) => c.toggleBulletList()),
  toggle('ol', 'report.orderedList', 'Control+Shift+7', '1.', 'orderedList', (c) => c.toggleOrderedList()),
  toggle('q', 'report.quote', 'Control+Shift+B', '“', 'blockquote', (c) => c.toggleBlockquote()),
];

const LINK_ICON = (
  <svg
    aria-hidden="true"
    focusable="false"
    viewBox="0 0 24 24"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    strokeWidth="2.2"
  >
    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
    <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
  </svg>
);
const UNLINK_ICON = (
  <svg
    aria-hidden="true"
    focusable="false"
    viewBox="0 0 24 24"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    strokeWidth="2.2"
  >
    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
    <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    <path d="M4 4l16 16" />
  </svg>
);

/**
 * [REPORT7] The formatting toolbar (WAI-ARIA toolbar pattern): one tab stop, arrow keys move
 * between buttons, every button has a name, `aria-pressed` for what applies at the cursor, and its
 * keyboard shortcut in `aria-keyshortcuts`. Links get a small form, never a browser prompt.
 */
export function Toolbar({ editor, linkRequest }: { editor: Editor; linkRequest: number }) {
  const t = useT();
  const [focus, setFocus] = useState(0);
  const [linking, setLinking] = useState(false);
  const [lastRequest, setLastRequest] = useState(linkRequest);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      active: TOOLS.map((tool) => tool.active?.(e) ?? false),
      link: e.isActive('link'),
      href: (e.getAttributes('link').href as string | undefined) ?? '',
    }),
  });
  // Ctrl+K in the editor asks for the link form.
  if (linkRequest !== lastRequest) {
    setLastRequest(linkRequest);
    setLinking(true);
  }
  const all = TOOLS.length + 2;
  const onKeyDown = (e: KeyboardEvent) => {
    const move = { ArrowRight: 1, ArrowLeft: -1, Home: -focus, End: all - 1 - focus }[e.key];
    if (move === undefined) return;
    e.preventDefault();
    const next = (focus + move + all) % all;
    setFocus(next);
    buttons.current[next]?.focus();
  };
  const button = (
    n: number,
    label: string,
    glyph: ReactNode,
    pressed: boolean | undefined,
    onClick: () => void,
    keys?: string,
  ) => (
    <button
      key={n}
      ref={(el) => {
        buttons.current[n] = el;
      }}
      type="button"
      className={`tool${glyph === 'I' ? ' tool--italic' : ''}`}
      tabIndex={focus === n ? 0 : -1}
      aria-pressed={pressed}
      aria-keyshortcuts={keys}
      title={label}
      onFocus={() => setFocus(n)}
      onMouseDown={(e) => e.preventDefault() /* keep the editor's selection */}
      onClick={onClick}
    >
      <span aria-hidden="true">{glyph}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  );
  return (
    <div className="report-toolbar-wrap">
      <div role="toolbar" aria-label={t('report.toolbar')} className="report-toolbar" onKeyDown={onKeyDown}>
        {TOOLS.map((tool, n) =>
          button(n, tool.label(t), tool.glyph, state.active[n], () => tool.run(editor), tool.keys),
        )}
        {button(
          TOOLS.length,
          t('report.link'),
          LINK_ICON,
          state.link,
          () => setLinking((v) => !v),
          'Control+K',
        )}
        {button(TOOLS.length + 1, t('report.unlink'), UNLINK_ICON, undefined, () =>
          editor.chain().focus().extendMarkRange('link').unsetLink().run(),
        )}
      </div>
      {linking ? (
        <LinkForm
          initial={state.href}
          onDone={(href) => {
            setLinking(false);
            if (href === null) {
              editor.commands.focus();
              return;
            }
            const chain = editor.chain().focus().extendMarkRange('link');
            if (editor.state.selection.empty && !editor.isActive('link')) {
              chain
                .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
                .run();
            } else chain.setLink({ href }).run();
          }}
        />
      ) : null}
    </div>
  );
}

function LinkForm({ initial, onDone }: { initial: string; onDone: (href: string | null) => void }) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const raw = value.trim();
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
    const href = safeHref(withScheme);
    if (!href) return setError(t('report.linkInvalid'));
    onDone(href);
  };
  return (
    <form className="report-linkform row" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-url`}>{t('report.linkLabel')}</label>
      <input
        id={`${id}-url`}
        type="url"
        value={value}
        aria-describedby={`${id}-hint${error ? ` ${id}-err` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone(null);
        }}
        ref={input}
      />
      <button type="submit" className="btn btn--primary">
        {t('report.linkSave')}
      </button>
      <button type="button" className="btn btn--quiet" onClick={() => onDone(null)}>
        {t('common.cancel')}
      </button>
      <p id={`${id}-hint`} className="hint">
        {t('report.linkHint')}
      </p>
      <FieldError id={`${id}-err`} message={error} />
    </form>
  );
}
