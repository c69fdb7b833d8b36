// Runs a multi-statement SQL script one statement at a time (the embedded driver uses the extended
// protocol, which takes one statement per query). Splits on semicolons outside $$ bodies.

import { sql, type Kysely } from 'kysely';

export function splitStatements(script: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of script.split('\n')) {
    const dollarCount = (line.match(/\$\$/g) ?? []).length;
    if (dollarCount % 2 === 1) inDollar = !inDollar;
    current += line + '\n';
    if (!inDollar && /;\s*(--.*)?$/.test(line)) {
      parts.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts.filter((p) => p.replace(/--.*$/gm, '').trim().length > 0);
}

export async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitStatements(script)) {
    await sql.raw(statement).execute(db);
  }
}
