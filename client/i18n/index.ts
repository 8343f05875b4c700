import { useCallback, useState } from 'react';
import { create } from 'zustand';
import { en } from './en';
import { type Dict, nl } from './nl';

export type Lang = 'nl' | 'en';
const DICTS: Record<Lang, Dict> = { nl, en };
const KEY = 'oogst:lang';

function initial(): Lang {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // Storage can be blocked; Dutch it is.
  }
  return 'nl';
}

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}

/** The chosen language (Dutch by default), kept in the browser and mirrored to `<html lang>`. */
export const useLang = create<LangState>((set) => ({
  lang: initial(),
  setLang(lang) {
    try {
      localStorage.setItem(KEY, lang);
    } catch {}
    document.documentElement.lang = lang;
    set({ lang });
  },
}));
document.documentElement.lang = useLang.getState().lang;

type Key = keyof Dict;
type Args<K extends Key> = Dict[K] extends (vars: infer V) => string ? [vars: V] : [];

/** Translate with the current language, outside React. */
export function translate<K extends Key>(key: K, ...args: Args<K>): string {
  const entry = DICTS[useLang.getState().lang][key] as string | ((v: unknown) => string);
  return typeof entry === 'function' ? entry(args[0]) : entry;
}

/** The translate function for the current language; re-renders when the language changes. */
export function useT(): <K extends Key>(key: K, ...args: Args<K>) => string {
  const lang = useLang((s) => s.lang);
  return <K extends Key>(key: K, ...args: Args<K>) => {
    const entry = DICTS[lang][key] as string | ((v: unknown) => string);
    return typeof entry === 'function' ? entry(args[0]) : entry;
  };
}

/** A message kept as the way to say it, not as words in one language. */
export type Say = (t: ReturnType<typeof useT>) => string;

/**
 * [A11Y3] State for a message shown or announced later (a live region, a status line): it is said
 * again in the new language when the language changes, instead of staying in the old one.
 */
export function useSaid(): [string, (say: Say | null) => void] {
  const t = useT();
  const [said, setSaid] = useState<{ say: Say } | null>(null);
  const set = useCallback((say: Say | null) => setSaid(say ? { say } : null), []);
  return [said ? said.say(t) : '', set];
}

/**
 * [A11Y3] The language of what people write (questions, agenda, answers, post-its, chat, the
 * verslag): the meetings' language, Dutch. Marked on that text, so a screen reader does not read it
 * as English when the screens are in English.
 */
export const CONTENT_LANG = 'nl';

export type { Dict };
