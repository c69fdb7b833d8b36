// What an empty list table says: why it failed to load, that no row matches the filters, or that
// there is nothing yet.
export function listEmptyText(
  query: { isError: boolean; error: Error | null },
  filtered: boolean,
  texts: { empty: string; filtered: string },
): string {
  if (query.isError && query.error) return query.error.message;
  return filtered ? texts.filtered : texts.empty;
}
