import type { Logger as TypeOrmLogger } from "typeorm";

/**
 * A TypeORM logger that counts statements (used by the N+1 test and the benchmarks) and otherwise
 * stays silent. Counting is off unless `start()` is called.
 */
export class QueryCounter implements TypeOrmLogger {
  private active = false;
  readonly statements: string[] = [];

  start(): void {
    this.statements.length = 0;
    this.active = true;
  }

  stop(): string[] {
    this.active = false;
    return [...this.statements];
  }

  logQuery(query: string): void {
    if (this.active) this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
