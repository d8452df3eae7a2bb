import { AppError } from '../core/errors.ts';
import { addDays, nextWeekday, wallClockAt } from '../core/local-time.ts';
import type { ProgramRole } from '../core/roles.ts';
import { countUsers, getDatabaseKind, setDatabaseKind } from '../db/queries/meta.ts';
import type { FileStorage } from '../integrations/file-storage.ts';
import type { Actor, ServiceContext } from './context.ts';
import { decideBooking } from './decide-booking.ts';
import { inviteMember } from './invite-member.ts';
import { listMentorSlots } from './list-slots.ts';
import { saveMyAvailability } from './manage-availability.ts';
import { createGroup, setGroupMembership } from './manage-groups.ts';
import { createMatch } from './manage-matches.ts';
import { setProgramRole } from './manage-members.ts';
import { createOrganisation } from './manage-organisations.ts';
import { type ProfileInput, updateProfile } from './manage-profile.ts';
import { createProgram } from './manage-programs.ts';
import { createSessionType } from './manage-session-types.ts';
import { bulkDuplicateSession, createSession } from './manage-sessions.ts';
import { answerMentorshipRequest, sendMentorshipRequest } from './mentorship-requests.ts';
import {
  answerMessageRequest,
  listMyMessageRequests,
  messagePerson,
  sendMessage,
} from './messaging.ts';
import { requestBooking } from './request-booking.ts';
import { seedDemoHistory } from './seed-demo-history.ts';
import { createAccount } from './sign-up.ts';

/** Every demo account signs in with this password (printed at start-up). */
export const DEMO_PASSWORD = 'confer-demo-2026';
export const DEMO_ADMIN_EMAIL = 'admin@demo.confer.test';
const DEMO_ADMIN_NAME = 'Ada Admin';

type DemoPerson = Omit<ProfileInput, 'name'> & {
  name: string;
  email: string;
  programs: { program: 'leadership' | 'open'; role: ProgramRole }[];
  groups: ('engineering' | 'product')[];
};

const people: DemoPerson[] = [
  {
    name: 'Maya Okafor',
    email: 'maya@demo.confer.test',
    timeZone: 'Europe/London',
    location: 'London, UK',
    bio: 'VP of Product at a fintech scale-up. Twelve years of shipping products and growing the people who build them.',
    skills: ['Product management', 'Leadership', 'Roadmapping', 'Hiring'],
    shortTermGoals: 'Help two mentees land their first lead role this year.',
    longTermGoals: 'Build a community of product leaders across Africa and Europe.',
    programs: [
      { program: 'leadership', role: 'mentor' },
      { program: 'open', role: 'mentor' },
    ],
    groups: ['product'],
  },
  {
    name: 'Diego Fernández',
    email: 'diego@demo.confer.test',
    timeZone: 'America/Mexico_City',
    location: 'Mexico City, MX',
    bio: 'Staff engineer working on distributed systems. Loves code review, pairing and teaching debugging.',
    skills: ['TypeScript', 'Distributed systems', 'PostgreSQL', 'Career growth'],
    shortTermGoals: 'Run a monthly architecture clinic.',
    longTermGoals: 'Write a book on debugging production systems.',
    programs: [{ program: 'open', role: 'mentor' }],
    groups: ['engineering'],
  },
  {
    name: 'Priya Raman',
    email: 'priya@demo.confer.test',
    timeZone: 'Asia/Kolkata',
    location: 'Bengaluru, IN',
    bio: 'Data science lead. Previously a research scientist; now helps teams turn data into decisions.',
    skills: ['Data science', 'Machine learning', 'Python', 'Public speaking'],
    shortTermGoals: 'Mentor three analysts moving into ML.',
    longTermGoals: 'Make data literacy part of every team.',
    programs: [
      { program: 'leadership', role: 'mentor' },
      { program: 'open', role: 'mentee' },
    ],
    groups: ['engineering'],
  },
  {
    name: 'Sam Lee',
    email: 'sam@demo.confer.test',
    timeZone: 'America/New_York',
    location: 'New York, US',
    bio: 'Product designer moving into product management.',
    skills: ['Design', 'User research'],
    shortTermGoals: 'Lead a discovery project end to end.',
    longTermGoals: 'Become a product manager within two years.',
    programs: [
      { program: 'leadership', role: 'mentee' },
      { program: 'open', role: 'mentee' },
    ],
    groups: ['product'],
  },
  {
    name: 'Aiko Tanaka',
    email: 'aiko@demo.confer.test',
    timeZone: 'Asia/Tokyo',
    location: 'Tokyo, JP',
    bio: 'Backend developer, three years in. Curious about databases and system design.',
    skills: ['Go', 'SQL'],
    shortTermGoals: 'Pass a system-design interview.',
    longTermGoals: 'Become a staff engineer.',
    programs: [{ program: 'open', role: 'mentee' }],
    groups: ['engineering'],
  },
  {
    name: 'Lucas Martin',
    email: 'lucas@demo.confer.test',
    timeZone: 'Europe/Paris',
    location: 'Lyon, FR',
    bio: 'New engineering manager of a team of six.',
    skills: ['Java', 'Team leadership'],
    shortTermGoals: 'Run better one-to-ones.',
    longTermGoals: 'Grow into a director role.',
    programs: [{ program: 'leadership', role: 'mentee' }],
    groups: ['engineering'],
  },
  {
    name: 'Zanele Dlamini',
    email: 'zanele@demo.confer.test',
    timeZone: 'Africa/Johannesburg',
    location: 'Johannesburg, ZA',
    bio: 'Data analyst learning machine learning in the evenings.',
    skills: ['Excel', 'Python', 'Statistics'],
    shortTermGoals: 'Ship my first ML model to production.',
    longTermGoals: 'Lead a data team.',
    programs: [{ program: 'open', role: 'mentee' }],
    groups: [],
  },
  {
    name: 'Noah Schmidt',
    email: 'noah@demo.confer.test',
    timeZone: 'Europe/Berlin',
    location: 'Berlin, DE',
    bio: 'Final-year computer science student looking for a first job.',
    skills: ['JavaScript', 'React'],
    shortTermGoals: 'Find a junior developer role.',
    longTermGoals: 'Work on open-source developer tools.',
    programs: [
      { program: 'leadership', role: 'mentee' },
      { program: 'open', role: 'mentee' },
    ],
    groups: ['product'],
  },
];

export type DemoSummary = {
  orgId: string;
  password: string;
  admin: string;
  mentors: string[];
  mentees: string[];
};

/**
 * Seeds a demo organisation through the same use cases users go through.
 * Refuses any database not marked demo or test (or empty and unmarked, which it
 * then marks demo), so it can never write demo people into real data.
 */
export async function seedDemo(ctx: ServiceContext): Promise<DemoSummary> {
  const kind = await getDatabaseKind(ctx.db);
  if (kind !== 'demo' && kind !== 'test') {
    if (kind !== null || (await countUsers(ctx.db)) > 0) {
      throw new AppError(
        'forbidden',
        `Refusing to seed demo data into a ${kind ?? 'non-empty, unmarked'} database`,
      );
    }
    await setDatabaseKind(ctx.db, 'demo');
  }

  const admin = await createAccount(ctx, {
    email: DEMO_ADMIN_EMAIL,
    password: DEMO_PASSWORD,
    name: DEMO_ADMIN_NAME,
    timeZone: 'Europe/Dublin',
  });
  const adminActor: Actor = { userId: admin.id };
  await updateProfile(ctx, adminActor, {
    bio: 'Runs the mentoring programs at Northwind.',
    location: 'Dublin, IE',
    skills: ['Program management'],
  });
  const org = await createOrganisation(ctx, adminActor, 'Northwind Mentoring');
  const leadership = await createProgram(ctx, adminActor, org.id, {
    name: 'Leadership Circle',
    description: 'Six-month matched program pairing new leads with experienced leaders.',
    mode: 'matched',
  });
  const open = await createProgram(ctx, adminActor, org.id, {
    name: 'Open Mentoring',
    description: 'Book any mentor, any time: à la carte sessions on skills and careers.',
    mode: 'a_la_carte',
  });
  const engineering = await createGroup(ctx, adminActor, org.id, {
    name: 'Engineering',
    description: 'Software and data people.',
  });
  const product = await createGroup(ctx, adminActor, org.id, {
    name: 'Product',
    description: 'Product managers and designers.',
  });
  const programIds = { leadership: leadership.id, open: open.id };
  const userIds = new Map<string, string>();
  const idOf = (name: string) => userIds.get(`${name}@demo.confer.test`)!;
  const groupIds = { engineering: engineering.id, product: product.id };

  for (const person of people) {
    // Members join the way real ones do: an admin invites, they accept by signing up.
    const { token } = await inviteMember(ctx, adminActor, org.id, {
      email: person.email,
      role: 'member',
    });
    const user = await createAccount(ctx, {
      email: person.email,
      password: DEMO_PASSWORD,
      name: person.name,
      timeZone: person.timeZone,
      invitationToken: token,
    });
    const { email: _email, programs: memberships, groups: groupNames, ...profile } = person;
    await updateProfile(ctx, { userId: user.id }, profile);
    for (const m of memberships) {
      await setProgramRole(
        ctx,
        adminActor,
        org.id,
        programIds[m.program],
        user.id,
        m.role,
        'demo seed',
      );
    }
    for (const g of groupNames) {
      await setGroupMembership(ctx, adminActor, org.id, groupIds[g], user.id, true);
    }
    userIds.set(person.email, user.id);
  }

  // The Leadership Circle is matched: its mentees book only with their mentor.
  for (const [mentor, mentee] of [
    ['maya', 'sam'],
    ['maya', 'noah'],
    ['priya', 'lucas'],
  ] as const) {
    await createMatch(ctx, adminActor, org.id, leadership.id, {
      mentorId: idOf(mentor),
      menteeId: idOf(mentee),
    });
  }
  await seedSchedules(ctx, adminActor, org.id, programIds, product.id, idOf);
  // The past first: it notifies nobody, and today's bookings below must.
  await seedDemoHistory(ctx, org.id, idOf);
  await seedBookings(ctx, org.id, idOf);
  await seedConversations(ctx, org.id, idOf);

  const accounts = demoAccounts();
  const emailsAs = (role: DemoRole) => accounts.filter((a) => a.role === role).map((a) => a.email);
  return {
    orgId: org.id,
    password: DEMO_PASSWORD,
    admin: DEMO_ADMIN_EMAIL,
    mentors: emailsAs('mentor'),
    mentees: emailsAs('mentee'),
  };
}

type DemoRole = 'admin' | 'mentor' | 'mentee';

/** The demo's people to sign in as: its admin, those who mentor anywhere, those who only learn. */
function demoAccounts(): { email: string; name: string; role: DemoRole }[] {
  return [
    { email: DEMO_ADMIN_EMAIL, name: DEMO_ADMIN_NAME, role: 'admin' },
    ...people.map((p) => ({
      email: p.email,
      name: p.name,
      role: (p.programs.some((m) => m.role === 'mentor') ? 'mentor' : 'mentee') as DemoRole,
    })),
  ];
}

/**
 * The demo's accounts and their shared password, for the sign-in page's
 * one-click sign-in — only on a database marked demo (never on real data:
 * seeding refuses any other), else null.
 */
export async function describeDemo(ctx: ServiceContext) {
  if ((await getDatabaseKind(ctx.db)) !== 'demo') return null;
  return { password: DEMO_PASSWORD, accounts: demoAccounts() };
}

const hours = (h: number, m = 0) => h * 60 + m;

/**
 * Weekly hours for each mentor and a few published sessions, so a new user
 * sees real slots: an in-person clinic for the Product group, an online
 * group session, and a weekly series with a mentee already booked.
 */
async function seedSchedules(
  ctx: ServiceContext,
  admin: Actor,
  orgId: string,
  programIds: { leadership: string; open: string },
  productGroupId: string,
  idOf: (name: string) => string,
) {
  const base = {
    bufferBeforeMinutes: 0,
    minimumNoticeMinutes: 12 * 60,
    horizonDays: 60,
    autoApprove: false,
  };
  const maya = { userId: idOf('maya') };
  const diego = { userId: idOf('diego') };
  const priya = { userId: idOf('priya') };
  await saveMyAvailability(ctx, maya, {
    ...base,
    timeZone: 'Europe/London',
    slotLengths: [30, 60],
    bufferAfterMinutes: 10,
    weekly: [2, 4].map((weekday) => ({ weekday, start: hours(17), end: hours(19) })),
  });
  await saveMyAvailability(ctx, diego, {
    ...base,
    timeZone: 'America/Mexico_City',
    slotLengths: [60],
    autoApprove: true,
    bufferAfterMinutes: 0,
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: hours(9), end: hours(12) })),
  });
  await saveMyAvailability(ctx, priya, {
    ...base,
    timeZone: 'Asia/Kolkata',
    slotLengths: [45],
    bufferAfterMinutes: 15,
    weekly: [
      { weekday: 3, start: hours(18), end: hours(20, 30) },
      { weekday: 6, start: hours(10), end: hours(13) },
    ],
  });

  const today = (zone: string) => wallClockAt(ctx.now().getTime(), zone).date;
  const nextWeek = (zone: string, weekday: number) => nextWeekday(addDays(today(zone), 1), weekday);
  const common = {
    description: '',
    groupIds: [],
    timeZones: [],
    capacity: 1,
    publish: true,
    location: '',
  };

  const clinic = await createSession(ctx, maya, orgId, {
    ...common,
    programId: programIds.open,
    mentorId: maya.userId,
    title: 'Product career clinic',
    description: 'Bring your CV or a product case; we work through it together.',
    date: nextWeek('Europe/London', 3),
    startTime: '18:00',
    durationMinutes: 60,
    location: 'Northwind office, 10 King Street, London',
    locationTimeZone: 'Europe/London',
    enrollment: 'in_person',
    groupIds: [productGroupId],
    capacity: 4,
  });
  await bulkDuplicateSession(ctx, maya, orgId, clinic.session.id, {
    interval: 1,
    unit: 'weeks',
    count: 3,
    publish: true,
  });

  await createSession(ctx, diego, orgId, {
    ...common,
    programId: programIds.open,
    mentorId: diego.userId,
    title: 'Architecture office hours',
    date: nextWeek('America/Mexico_City', 5),
    startTime: '15:00',
    durationMinutes: 90,
    enrollment: 'online',
    meetingUrl: 'https://meet.jit.si/northwind-architecture-office-hours',
    capacity: 6,
    timeZones: ['Asia/Tokyo', 'Europe/Berlin'],
  });

  const checkIn = await createSession(ctx, admin, orgId, {
    ...common,
    programId: programIds.leadership,
    mentorId: maya.userId,
    menteeId: idOf('sam'),
    title: 'Leadership check-in',
    date: nextWeek('Europe/London', 1),
    startTime: '16:00',
    durationMinutes: 45,
    enrollment: 'online',
    meetingUrl: 'https://meet.jit.si/northwind-maya-sam',
  });
  await bulkDuplicateSession(ctx, admin, orgId, checkIn.session.id, {
    interval: 2,
    unit: 'weeks',
    count: 4,
    publish: true,
  });
}

/**
 * Bookings in each state a mentor meets first: a paid request waiting for
 * Maya, a time Maya suggested back to Zanele, and an auto-approved booking
 * with Diego.
 */
async function seedBookings(ctx: ServiceContext, orgId: string, idOf: (name: string) => string) {
  const maya = { userId: idOf('maya') };
  const review = await createSessionType(ctx, maya, {
    name: 'Product career review',
    durationMinutes: 60,
    priceMinor: 4500,
    currency: 'EUR',
  });
  await createSessionType(ctx, maya, {
    name: 'Quick question',
    durationMinutes: 30,
    priceMinor: 0,
    currency: 'EUR',
  });
  const now = ctx.now();
  const twoWeeks = { from: now, to: new Date(now.getTime() + 14 * 86_400_000) };
  const firstSlot = async (mentee: string, mentor: string, length: number, skip = 0) => {
    const { slots } = await listMentorSlots(
      ctx,
      { userId: idOf(mentee) },
      orgId,
      idOf(mentor),
      twoWeeks,
    );
    return slots.filter((s) => s.kind === 'weekly' && s.lengthMinutes === length)[skip];
  };

  const forSam = await firstSlot('sam', 'maya', 60);
  if (forSam) {
    await requestBooking(ctx, { userId: idOf('sam') }, orgId, {
      mentorId: maya.userId,
      startsAt: new Date(forSam.startMs),
      sessionTypeId: review.id,
      ownTime: false,
      message:
        'I have a PM interview loop next month; could we go through a product case together?',
    });
  }
  const forZanele = await firstSlot('zanele', 'maya', 30, 3);
  const later = await firstSlot('zanele', 'maya', 30, 6);
  if (forZanele && later) {
    const booking = await requestBooking(ctx, { userId: idOf('zanele') }, orgId, {
      mentorId: maya.userId,
      startsAt: new Date(forZanele.startMs),
      lengthMinutes: 30,
      ownTime: false,
      message: 'How did you move from analytics into product?',
    });
    await decideBooking(ctx, maya, orgId, booking.id, {
      action: 'propose_time',
      proposal: { startsAt: new Date(later.startMs), lengthMinutes: later.lengthMinutes },
      reason: 'That one clashes with a board meeting; does this work?',
    });
  }
  const forAiko = await firstSlot('aiko', 'diego', 60);
  if (forAiko) {
    await requestBooking(ctx, { userId: idOf('aiko') }, orgId, {
      mentorId: idOf('diego'),
      startsAt: new Date(forAiko.startMs),
      lengthMinutes: 60,
      ownTime: false,
      message: 'System design interview practice, please.',
    });
  }
}

/** The demo sends text only; it never stores a file. */
const noFiles: FileStorage = {
  put: () => Promise.reject(new Error('the demo seed stores no files')),
  get: () => Promise.resolve(null),
  remove: () => Promise.resolve(),
};

/**
 * Mentorship requests in each state, a message request waiting for an answer,
 * a connection with a direct conversation, and talk in a booking's thread.
 */
async function seedConversations(
  ctx: ServiceContext,
  orgId: string,
  idOf: (name: string) => string,
) {
  const as = (name: string) => ({ userId: idOf(name) });
  await sendMentorshipRequest(ctx, as('diego'), orgId, {
    kind: 'offer',
    toUserId: idOf('zanele'),
    message:
      'I saw you want to ship your first ML model: I have done that a few times, happy to help.',
  });
  await sendMentorshipRequest(ctx, as('priya'), orgId, {
    kind: 'session_request',
    toUserId: idOf('diego'),
    message: 'Could we talk about moving from product into engineering leadership?',
  });
  const dismissed = await sendMentorshipRequest(ctx, as('diego'), orgId, {
    kind: 'offer',
    toUserId: idOf('aiko'),
    message: 'Want to practise a second system design round?',
  });
  await answerMentorshipRequest(ctx, as('aiko'), orgId, dismissed.id, 'dismiss');

  await messagePerson(ctx, noFiles, as('priya'), orgId, idOf('diego'), {
    body: 'Hi Diego, I would love your view on platform teams before I apply internally.',
    files: [],
  });

  const { threadId } = await messagePerson(ctx, noFiles, as('aiko'), orgId, idOf('diego'), {
    body: 'Thank you for approving my session! Could I send you my design doc first?',
    files: [],
  });
  const { received } = await listMyMessageRequests(ctx, as('diego'), orgId);
  const fromAiko = received.find((r) => r.sender.userId === idOf('aiko'));
  if (fromAiko) await answerMessageRequest(ctx, as('diego'), orgId, fromAiko.id, 'accept');
  await sendMessage(ctx, noFiles, as('diego'), orgId, threadId, {
    body: 'Of course, send it over and I will read it before we meet.',
    files: [],
  });
}
