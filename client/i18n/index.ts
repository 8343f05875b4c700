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

export type { Dict };
