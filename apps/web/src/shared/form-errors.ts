// Puts a server error onto a form: `details.fields[].path` ("/name", "body/name", "/roles/0")
// becomes an inline error on the matching Form.Item; anything else becomes a toast.
import type { FormInstance } from 'antd';
import type { MessageInstance } from './feedback';
import { isApiError } from '../app/api';

export function fieldNameFromPath(path: string): string | null {
  const segments = path
    .replace(/^(body|querystring|params|query)(?=\/|$)/, '')
    .split(/[/.]/)
    .filter(Boolean);
  return segments[0] ?? null;
}

export function showApiError(error: unknown, message: MessageInstance, form?: FormInstance): void {
  if (!isApiError(error)) {
    void message.error(error instanceof Error ? error.message : String(error));
    return;
  }
  const fields = error.details?.fields ?? [];
  if (form && fields.length > 0) {
    const known = new Set(Object.keys(form.getFieldsValue()));
    const byField = new Map<string, string[]>();
    const unplaced: string[] = [];
    for (const f of fields) {
      const name = fieldNameFromPath(f.path);
      const text = f.message || error.message;
      if (name && known.has(name)) byField.set(name, [...(byField.get(name) ?? []), text]);
      else unplaced.push(name ? `${name}: ${text}` : text);
    }
    if (byField.size > 0) {
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    }
    void message.error(unplaced.length ? `${error.message}（${unplaced.join('；')}）` : error.message);
    return;
  }
  void message.error(error.message);
}
