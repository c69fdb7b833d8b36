// The UI message catalogues. zh-CN is the reference; en-US must carry exactly the same keys
// (enforced by its type and by catalogue.test.ts).
import { zhCN } from './zh-CN';
import { enUS } from './en-US';
import type { Locale } from '../api';

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number | null | undefined>;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const catalogues: Record<Locale, Messages> = {
  'zh-CN': zhCN,
  'en-US': enUS,
};

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en-US';
}

/** Looks up `key` and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[locale][key] ?? catalogues[DEFAULT_LOCALE][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
