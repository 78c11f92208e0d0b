/**
 * The okrkit domain: value lists (`as const`, the types derive from them) and the
 * shapes of sessions and what they hold. Everything here is plain data: dates are ISO
 * strings (`2026-07-01`), instants are ISO strings (`2026-07-01T08:30:00.000Z`).
 */

export const SESSION_STATES = ['open', 'in_progress', 'archived'] as const;
/** Lifecycle state: `open` (planning), `in_progress` (tracking), `archived` (closed, read-only). */
export type SessionState = (typeof SESSION_STATES)[number];

export const CADENCES = ['month', 'quarter', 'half', 'year', 'custom'] as const;
/** The planning period a session covers. */
export type Cadence = (typeof CADENCES)[number];

export const CHECK_IN_CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type CheckInCadence = (typeof CHECK_IN_CADENCES)[number];

export const ROLES = ['admin', 'member', 'viewer'] as const;
/** `admin` manages sessions; `member` works on OKRs in sessions they may edit; `viewer` reads. */
export type Role = (typeof ROLES)[number];

export const KEY_RESULT_KINDS = ['increase', 'decrease', 'stay_above', 'stay_below', 'boolean', 'milestones'] as const;
export type KeyResultKind = (typeof KEY_RESULT_KINDS)[number];

export const CHECK_IN_STATUSES = ['on_track', 'at_risk', 'off_track'] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

export const INITIATIVE_STATUSES = ['planned', 'active', 'done', 'dropped'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** Who is acting. `id` is opaque (the host's user id); `teams` are opaque team ids. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly name?: string;
  readonly teams?: readonly string[];
}

/** Who may view or edit: everyone, or the listed people and teams (admins always may). */
export type Audience =
  | { readonly everyone: true }
  | { readonly everyone: false; readonly people: readonly string[]; readonly teams: readonly string[] };

export interface Access {
  readonly view: Audience;
  readonly edit: Audience;
}

export const EVERYONE: Audience = Object.freeze({ everyone: true });
export const OPEN_ACCESS: Access = Object.freeze({ view: EVERYONE, edit: EVERYONE });

/** What the person creating or editing a session chooses. */
export interface SessionDetails {
  readonly title: string;
  readonly description?: string;
  /** First day, ISO date. */
  readonly start: string;
  /** Last day (inclusive), ISO date. */
  readonly end: string;
  /** IANA time zone the session's days and weeks are counted in. */
  readonly timeZone: string;
  readonly cadence: Cadence;
  readonly checkInCadence: CheckInCadence;
  readonly parentId?: string;
  readonly access: Access;
}

/** Input of `createSession`: only the title and dates are required. */
export interface SessionInput {
  readonly title: string;
  readonly start: string;
  readonly end: string;
  readonly description?: string;
  readonly timeZone?: string;
  readonly cadence?: Cadence;
  readonly checkInCadence?: CheckInCadence;
  readonly parentId?: string;
  readonly access?: Access;
}

/** Input of `updateSession`: the fields to change. `null` clears an optional field. */
export interface SessionPatch {
  readonly title?: string;
  readonly description?: string | null;
  readonly start?: string;
  readonly end?: string;
  readonly timeZone?: string;
  readonly cadence?: Cadence;
  readonly checkInCadence?: CheckInCadence;
  readonly parentId?: string | null;
  readonly access?: Access;
}

/** Who made and who last changed a thing, and when (derived from the journal). */
export interface Audit {
  readonly createdBy: string;
  readonly createdAt: string;
  readonly changedBy: string;
  readonly changedAt: string;
}

/**
 * A session's header: its details, lifecycle state and audit. This is what lists show,
 * and what storage keeps beside the journal so that listing needs no replay.
 */
export interface SessionHeader extends SessionDetails, Audit {
  /** The session number, `SE-01001`; also the session's id. */
  readonly id: string;
  /** The number behind the id, 1001 for `SE-01001`. */
  readonly number: number;
  readonly state: SessionState;
  /** The state it was closed from, so that reopen returns there. Set while archived. */
  readonly closedFrom?: Exclude<SessionState, 'archived'>;
  readonly deleted: boolean;
  /** The seq of the last journal entry. */
  readonly head: number;
}

export const FIRST_SESSION_NUMBER = 1001;

/** `1001` to `SE-01001`. */
export function sessionIdOf(number: number): string {
  return `SE-${String(number).padStart(5, '0')}`;
}

/** An objective's alignment to a parent objective, in the same session or in the parent session. */
export interface Alignment {
  readonly sessionId: string;
  readonly objectiveId: string;
}

export interface Objective {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly ownerId?: string;
  readonly alignedTo?: Alignment;
  /** Position among the session's objectives, 0-based. */
  readonly order: number;
}

/** The numbers of a key result, by kind. */
export interface KeyResultTarget {
  readonly kind: KeyResultKind;
  /** increase / decrease: where it starts. */
  readonly start?: number | undefined;
  /** increase / decrease: where it should end. */
  readonly target?: number | undefined;
  /** stay_above / stay_below: the line to stay on the right side of. */
  readonly threshold?: number | undefined;
  /** milestones: the named steps, in order. */
  readonly milestones?: readonly string[] | undefined;
}

/** A key result in the live state. Optional fields that are not set are undefined (one shape for speed). */
export interface KeyResult extends KeyResultTarget {
  readonly id: string;
  readonly objectiveId: string;
  readonly title: string;
  readonly ownerId?: string | undefined;
  readonly unit?: string | undefined;
  /** Weight in its objective's progress; default 1. */
  readonly weight: number;
  readonly order: number;
  /** The check-in that counts now (the newest one not superseded by a correction). */
  readonly latest?: CheckIn | undefined;
  /** Every check-in, corrections and superseded ones included, in the order they were recorded. */
  readonly checkIns: readonly CheckIn[];
}

export interface Initiative {
  readonly id: string;
  readonly title: string;
  readonly ownerId?: string;
  /** An http: or https: URL. */
  readonly link?: string;
  readonly status: InitiativeStatus;
  readonly keyResultIds: readonly string[];
}

/** A recorded check-in. Optional fields that were not given are undefined (the fold keeps one shape for speed). */
export interface CheckIn {
  readonly id: string;
  readonly keyResultId: string;
  /**
   * The new value: a number for increase, decrease, stay_above and stay_below; 1 (done)
   * or 0 for boolean; the number of steps reached for milestones.
   */
  readonly value: number;
  readonly status?: CheckInStatus | undefined;
  /** How confident the author is of reaching the target, 0..1. */
  readonly confidence?: number | undefined;
  readonly comment?: string | undefined;
  readonly author: string;
  /** When it was recorded (the server's instant in a shared organisation): its week is this instant's. */
  readonly at: string;
  /**
   * The author's own time when they wrote it, when that was a minute or more before it was
   * recorded (e.g. written offline and synced later); otherwise undefined.
   */
  readonly writtenAt?: string | undefined;
  /**
   * Where it sits in the history: its own instant, or for a correction the instant of the
   * check-in it corrects (a correction takes the place of what it corrects).
   */
  readonly effectiveAt: string;
  /** For a correction: the check-in it supersedes. */
  readonly corrects?: string | undefined;
  /** Set once a correction supersedes this check-in: the correction's id. */
  readonly supersededBy?: string | undefined;
}
