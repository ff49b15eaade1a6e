// The page's words, its direction and dates, times and sizes in the person's language.
// Every word comes from GET /api/strings (locales/<lang>/sandbox.ftl); none is written here.

const INTL_LOCALES = { ar: "ar-EG", en: "en-GB" };

const current = { lang: null, strings: {} };
const loaded = new Map();

export const lang = () => current.lang;

export function t(id) {
  const text = current.strings[id];
  if (text === undefined) {
    console.warn("sandbox: no string", id);
    return id;
  }
  return text;
}

// lang null: the sandbox's default language (its --lang)
export async function loadStrings(language) {
  const key = language || "";
  if (loaded.has(key)) return loaded.get(key);
  const url = language ? `/api/strings?lang=${encodeURIComponent(language)}` : "/api/strings";
  const response = await fetch(url);
  if (!response.ok) {
    if (!language) return loadStrings("ar");
    throw new Error(`strings ${language}: ${response.status}`);
  }
  const body = await response.json();
  const entry = { ...body, lang: language || body.lang || (body.dir === "ltr" ? "en" : "ar") };
  loaded.set(key, entry);
  return entry;
}

// The whole page in one language: lang and dir on <html>, then every marked element.
export function applyStrings(entry) {
  current.lang = entry.lang;
  current.strings = entry.strings || {};
  const root = document.documentElement;
  root.lang = entry.lang;
  root.dir = entry.dir === "ltr" ? "ltr" : "rtl";
  for (const el of document.querySelectorAll("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of document.querySelectorAll("[data-i18n-label]")) {
    el.setAttribute("aria-label", t(el.dataset.i18nLabel));
    el.title = t(el.dataset.i18nLabel);
  }
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
}

const intlLocale = () => INTL_LOCALES[current.lang] || current.lang || "ar-EG";

export function formatTime(iso) {
  return new Intl.DateTimeFormat(intlLocale(), { hour: "2-digit", minute: "2-digit" })
    .format(new Date(iso));
}

export function formatDay(iso) {
  return new Intl.DateTimeFormat(intlLocale(), { day: "numeric", month: "long", year: "numeric" })
    .format(new Date(iso));
}

export function formatClock(ms) {
  return new Intl.DateTimeFormat(intlLocale(), {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit",
  }).format(new Date(ms));
}

export function formatSize(bytes) {
  const units = [["megabyte", 1024 * 1024], ["kilobyte", 1024], ["byte", 1]];
  const [unit, size] = units.find(([, step]) => bytes >= step) || units[2];
  return new Intl.NumberFormat(intlLocale(), {
    style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1,
  }).format(bytes / size);
}
