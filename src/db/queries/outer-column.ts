import { sql } from 'drizzle-orm';

/**
 * A column named with its table, for subqueries inside selected fields: in a
 * one-table query Drizzle writes bare column names, which the subquery's own
 * tables would capture (`pm.user_id = "id"` reading `p.id`).
 */
export const outer = (table: string, column: string) => sql.raw(`"${table}"."${column}"`);
