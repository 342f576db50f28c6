// Strings live in messages/<lang>.json; code only names keys. Numbers and dates follow the language's locale,
// and Persian dates use the Persian (Solar Hijri) calendar.
import en from '../messages/en.json';
import fa from '../messages/fa.json';

const catalogs = { en, fa };
export const languages = [{ code: 'en', name: 'English' }, { code: 'fa', name: 'فارسی' }];

let lang = pickLanguage();

function pickLanguage() {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('cc-lang');
  if (stored && catalogs[stored]) return stored;
  const nav = typeof navigator === 'undefined' ? 'en' : (navigator.language || 'en').slice(0, 2);
  return catalogs[nav] ? nav : 'en';
}

export function language() { return lang; }

export function direction(code = lang) { return code === 'fa' ? 'rtl' : 'ltr'; }

/** Switches the language and lays the document out for it (dir and lang on <html>). */
export function setLanguage(code) {
  if (!catalogs[code]) return;
  lang = code;
  localStorage.setItem('cc-lang', code);
  applyToDocument();
}

export function applyToDocument() {
  document.documentElement.lang = lang;
  document.documentElement.dir = direction();
}

/** Whether a message exists for key (e.g. a label for an attribute the IVR may or may not have named). */
export function has(key) { return key in catalogs[lang] || key in catalogs.en; }

/** The message for key, with {name} placeholders filled; falls back to English, then to the key itself. */
export function t(key, params) {
  const text = catalogs[lang][key] ?? catalogs.en[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, p) => (p in params ? formatValue(params[p]) : m)) : text;
}

function formatValue(v) { return typeof v === 'number' ? number(v) : String(v); }

function locale() { return lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB'; }

export function number(v, digits = 0) {
  if (v == null || Number.isNaN(v)) return '–';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);
}

export function percent(v) {
  if (v == null) return '–';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(v);
}

/** Date and time in the user's language (Persian calendar for fa). */
export function dateTime(iso) {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function date(iso) {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(new Date(iso));
}

/** Seconds as m:ss (or h:mm:ss), with the locale's digits. */
export function duration(seconds) {
  if (seconds == null) return '–';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const two = n => number(n).padStart(2, number(0));
  return h > 0 ? `${number(h)}:${two(m)}:${two(r)}` : `${number(m)}:${two(r)}`;
}
