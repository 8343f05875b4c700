import StarterKit from '@tiptap/starter-kit';
import { safeHref } from '../../../shared/report/document';

/**
 * [REPORT1] What the verslag can hold: headings (1–4), paragraphs, bullet and numbered lists,
 * bold, italic, links and quotes. No code, rules, strike or underline (exports would not carry
 * them); no local undo history (Collaboration brings its own); no automatic trailing paragraph
 * (several editors would each add one).
 */
export const reportExtensions = () => [
  StarterKit.configure({
    undoRedo: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    trailingNode: false,
    heading: { levels: [1, 2, 3, 4] },
    link: {
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      // Only http(s) and mailto links exist in the verslag: `javascript:` and friends never do.
      isAllowedUri: (url) => safeHref(url) !== null,
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
    },
  }),
];
