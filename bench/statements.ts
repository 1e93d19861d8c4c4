/**
 * Classifies the SQL statements a request ran (as recorded by the database's QueryCounter, which
 * sees every statement that goes through TypeORM, including raw `dataSource.query` calls) into
 * data statements and bookkeeping: token lookup / last-used update on `api_tokens`, the manager's
 * `reps WHERE manager_id` lookup, and transaction control.
 */

const TX_CONTROL = /^\s*(START\s+TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE\s+SAVEPOINT|SET\s+TRANSACTION)\b/i;
const TOKEN = /\bapi_tokens\b/i;
const MANAGER_LOOKUP = /\bFROM\s+"?reps"?\s+WHERE\s+"?manager_id"?\s*=/i;

export type StatementKind = "data" | "auth" | "transaction";

export function classify(sql: string): StatementKind {
  if (TX_CONTROL.test(sql)) return "transaction";
  if (TOKEN.test(sql) || MANAGER_LOOKUP.test(sql)) return "auth";
  return "data";
}

export function dataStatements(statements: string[]): string[] {
  return statements.filter((s) => classify(s) === "data");
}

/** One line per statement: whitespace collapsed, cut to `width` characters. */
export function oneLine(sql: string, width = Infinity): string {
  const s = sql.replace(/\s+/g, " ").trim();
  return s.length > width ? `${s.slice(0, width - 1)}…` : s;
}

/** Groups statements by their text with IN-lists and parameter numbers collapsed, with counts. */
export function summarize(statements: string[], width = 160): { count: number; text: string }[] {
  const groups = new Map<string, number>();
  for (const s of statements) {
    const key = oneLine(s)
      .replace(/\$\d+(\s*,\s*\$\d+)*/g, "$n")
      .slice(0, width);
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([text, count]) => ({ count, text }));
}
