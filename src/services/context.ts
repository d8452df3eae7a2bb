import type { Db } from '../db/client.ts';

/** What every use case needs: the database and the clock (injectable so tests can move time). */
export type ServiceContext = {
  db: Db;
  now: () => Date;
  sessionDays: number;
};

/** The signed-in person a use case acts for. */
export type Actor = { userId: string };
