import { type SQL, sql } from 'drizzle-orm';
import type { ProgramMode } from '../../core/roles.ts';
import type { Queryable } from '../client.ts';
import { matches, mentorStats, programMembers, programs, users } from '../schema.ts';
import { notDeactivatedIn } from './organisations.ts';

export type MentorSearch = {
  /** Words from `searchWords` (core): no tsquery operator characters. Empty: no search. */
  words: string[];
  limit: number;
  /** Who is looking: only mentors they may book are listed. */
  viewer: { userId: string; isOrgAdmin: boolean };
};

export type MentorSearchHit = {
  userId: string;
  name: string;
  photoKey: string | null;
  timeZone: string;
  location: string;
  skills: string[];
  /** ts_rank of the search; 0 without one. */
  rank: number;
  programs: { programId: string; programName: string; mode: ProgramMode; expiryDays: number }[];
};

/**
 * One word as a prefix. Names and skills are indexed with the 'simple' config
 * (words as written), bio, goals and location as English (stemmed), so a word
 * is looked up both ways: `careers` finds the skill "careers…" and a bio's
 * stem `career`. The English form is left out when it is the same (most
 * words), so the index is not searched twice for it; a stop word's English
 * form is empty, which `||` ignores.
 */
function wordQuery(word: string): SQL {
  const prefix = `${word}:*`;
  return sql`(select case when en = plain then plain else plain || en end
    from (select to_tsquery('simple', ${prefix}) as plain, to_tsquery('english', ${prefix}) as en) forms)`;
}

/**
 * Every word required. A scalar subquery, so PostgreSQL computes the tsquery
 * once per statement (an InitPlan), not once per row ranked.
 */
export function prefixQuery(words: string[]): SQL {
  return sql`(select ${sql.join(words.map(wordQuery), sql` && `)})`;
}

/**
 * Whether the viewer may see the mentorship `pm` (a mentor's membership of
 * program `p`): core `canSeeWeeklySlots` in SQL, so the directory lists
 * exactly the mentors the viewer can book. Admins see every program; anyone
 * else only programs they are in, and in a matched one only their matches.
 */
function visibleMentorship(viewer: MentorSearch['viewer']): SQL {
  if (viewer.isOrgAdmin) return sql`true`;
  return sql`(pm.user_id = ${viewer.userId} or exists (
      select 1 from ${programMembers} v
      where v.program_id = pm.program_id and v.user_id = ${viewer.userId}
        and (p.mode = 'a_la_carte' or exists (
          select 1 from ${matches} m
          where m.program_id = pm.program_id and m.mentor_id = pm.user_id
            and m.mentee_id = ${viewer.userId} and m.ended_at is null))))`;
}

/**
 * The SQL of a directory search: mentors of the organisation matching the
 * words, most relevant first, then the better responders, then by name, at
 * most `limit`, among those the viewer may book (`visibleMentorship`); exposed so tests can EXPLAIN it. Three steps, each sized by what it must touch:
 *
 * 1. `hits`, only with words: users matching them, from the GIN index
 *    (`users_search_idx`). MATERIALIZED, so the planner cannot turn it round
 *    into "every mentor of the org, each tested against the words", whose cost
 *    grows with the org whatever the words.
 * 2. `page`: those hits (or, without words, the org's mentors, fetched by
 *    primary key) that mentor in this organisation, ranked by relevance, then
 *    by their stored responsiveness (`mentor_stats`), cut to `limit`.
 *    ts_rank runs only on the org's matching mentors.
 * 3. Profile columns and programs for the page's rows only.
 */
export function mentorSearchSql(orgId: string, search: MentorSearch): SQL {
  const visible = visibleMentorship(search.viewer);
  const orgMentorIds = sql`select pm.user_id from ${programMembers} pm
    join ${programs} p on p.id = pm.program_id
    where p.org_id = ${orgId} and pm.role = 'mentor' and ${visible}
      and ${notDeactivatedIn(orgId, sql`pm.user_id`)}`;
  const tsquery = search.words.length > 0 ? prefixQuery(search.words) : null;
  // Stored figures (refreshed by the worker), so the page holds the best
  // responders among equally relevant mentors, not just the first by name.
  const byResponsiveness = sql`s.approval_rate desc nulls last, s.median_response_minutes asc nulls last`;
  const page = tsquery
    ? sql`hits as materialized (
        select id from ${users} where search_vector @@ ${tsquery}
      ),
      page as materialized (
        select u.id, ts_rank(u.search_vector, ${tsquery}) as rank
        from hits h join ${users} u on u.id = h.id
        left join ${mentorStats} s on s.user_id = u.id
        where h.id in (${orgMentorIds})
        order by rank desc, ${byResponsiveness}, u.name, u.id
        limit ${search.limit}
      )`
    : // = any(array(…)): looked up by primary key; a join here is planned as a
      // scan of every user.
      sql`page as materialized (
        select u.id, 0::real as rank
        from ${users} u
        left join ${mentorStats} s on s.user_id = u.id
        where u.id = any(array(${orgMentorIds}))
        order by ${byResponsiveness}, u.name, u.id
        limit ${search.limit}
      )`;
  return sql`with ${page}
    select u.id as "userId", u.name, u.photo_key as "photoKey", u.time_zone as "timeZone",
      u.location, u.skills, page.rank,
      (select json_agg(json_build_object('programId', p.id, 'programName', p.name,
          'mode', p.mode, 'expiryDays', p.expiry_days) order by p.name)
        from ${programMembers} pm join ${programs} p on p.id = pm.program_id
        where pm.user_id = u.id and pm.role = 'mentor' and p.org_id = ${orgId}
          and ${visible}) as programs
    from page join ${users} u on u.id = page.id
    order by page.rank desc, u.name, u.id`;
}

export async function searchMentorsInOrg(
  q: Queryable,
  orgId: string,
  search: MentorSearch,
): Promise<MentorSearchHit[]> {
  const result = await q.execute(mentorSearchSql(orgId, search));
  return (result as unknown as { rows: MentorSearchHit[] }).rows;
}
